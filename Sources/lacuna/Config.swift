import ArgumentParser
import LacunaPipeline

/// `lacuna config --defaults`: prints the commented default config file for `analyze --config`.
struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the analysis configuration file with every key at its default.")

    @Flag(name: .long, help: "Print the default configuration (YAML, commented).")
    var defaults = false

    func validate() throws {
        if !defaults { throw ValidationError("nothing to do: give --defaults") }
    }

    func run() throws {
        print(ConfigFile.defaultDocument, terminator: "")
    }
}

import LacunaFit
import Testing

@Suite("Error messages")
struct FitErrorTests {
    @Test("Every case renders a single non-empty line")
    func messages() {
        let errors: [FitError] = [
            .tooFewPoints(count: 1, required: 2),
            .lengthMismatch(x: 3, y: 2),
            .nonFiniteValue(index: 0),
            .nonPositiveValue(index: 2, value: 0),
            .constantPredictor,
        ]
        for error in errors {
            #expect(!error.message.isEmpty)
            #expect(!error.message.contains("\n"))
        }
        #expect(FitError.tooFewPoints(count: 1, required: 2).message.contains("2"))
    }
}

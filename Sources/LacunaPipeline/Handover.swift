/// A value for a closure that runs once, taken out when it runs: the closure may outlive its
/// run (held by the caller until the image is done) without holding the value too.
final class Handover<Value> {
    private var value: Value?

    init(_ value: Value) {
        self.value = value
    }

    /// The value; a second call is a programming error. Called by one thread at a time.
    func take() -> Value {
        guard let taken = value.take() else { preconditionFailure("the value was already taken") }
        return taken
    }
}

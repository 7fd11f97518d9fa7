/// One finished page of a batch, as progress reporting sees it.
public struct PageProgress: Sendable, Equatable {
    /// The image's name in the tables.
    public var image: String
    /// Page of the file, from 1.
    public var page: Int
    /// The one-line reason, when the page failed.
    public var error: String?
    /// Pores found (0 for a failed page).
    public var poreCount: Int
    /// Whether the result came from an earlier run (`--resume`).
    public var reused: Bool

    init(_ rows: RecordRows, reused: Bool) {
        image = rows.image
        page = rows.page
        error = rows.error
        poreCount = rows.poreRows.count
        self.reused = reused
    }
}

/// How much porosity and mean pore size move when the threshold moves by `step` grey levels
/// either way: a segmentation that depends strongly on the exact level is fragile.
public struct ThresholdSensitivity: Sendable, Equatable {
    /// Grey levels the threshold is moved by, at the image's depth.
    public var step: Int
    /// Porosity (border pores included) with the threshold lowered / raised by `step`.
    public var porosityLower: Double
    public var porosityRaised: Double
    /// Mean equivalent radius of interior pores in pixels at the lowered / raised threshold,
    /// `nil` when no interior pore remains.
    public var meanRadiusLower: Double?
    public var meanRadiusRaised: Double?

    public init(step: Int, porosityLower: Double, porosityRaised: Double, meanRadiusLower: Double?,
                meanRadiusRaised: Double?) {
        self.step = step
        self.porosityLower = porosityLower
        self.porosityRaised = porosityRaised
        self.meanRadiusLower = meanRadiusLower
        self.meanRadiusRaised = meanRadiusRaised
    }
}

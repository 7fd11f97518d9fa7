/// The Li–electrolyte contact left after stripping, from the porosity of a top view.
///
/// The active (still contacting) area is the non-porous fraction, S_active/S_initial =
/// 1 − porosity; at constant current the local current density rises by the inverse of it.
/// The paper classes contact by that local current-density ratio: stable below 2.75,
/// transition from 3 to 12, failure above 15. It assigns no class to 2.75–3 or 12–15; those
/// ratios are reported as ``Stability/unclassified`` rather than forced into a neighbour.
public struct ContactState: Sendable, Equatable {
    /// The paper's classes.
    public enum Stability: String, Sendable, Equatable {
        case stable
        case transition
        case failure
        /// Between the paper's classes (2.75–3 or 12–15).
        case unclassified
    }

    /// Pore area over analysed area, 0…1.
    public var porosity: Double

    /// A state for `porosity` in [0, 1).
    public init(porosity: Double) {
        self.porosity = porosity
    }

    /// S_active/S_initial = 1 − porosity (dimensionless).
    public var activeAreaRatio: Double { 1 - porosity }

    /// Local over nominal current density, 1/(1 − porosity); +∞ when nothing contacts.
    public var localCurrentDensityRatio: Double {
        activeAreaRatio > 0 ? 1 / activeAreaRatio : .infinity
    }

    /// The paper's class of ``localCurrentDensityRatio``.
    public var stability: Stability {
        let ratio = localCurrentDensityRatio
        if ratio < 2.75 { return .stable }
        if ratio >= 3 && ratio <= 12 { return .transition }
        if ratio > 15 { return .failure }
        return .unclassified
    }
}

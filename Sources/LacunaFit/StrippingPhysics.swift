/// The paper's physical model of void nucleation during Li stripping, with every constant
/// overridable.
///
/// The overpotential across a series resistance is η = i·R_s; it acts as a volumetric
/// driving force ΔG_v = F·η/V_m on vacancy condensation, and the classical nucleation radius
/// r_crit = 2γ/|ΔG_v| gives 1/r = [F·R_s/(2γ·V_m)]·i, i.e. 1/r linear in i through the origin.
/// A stack (creep) pressure σ opposes ΔG_v; it offsets the driving force when σ = ΔG_v.
public struct StrippingPhysics: Sendable, Equatable {
    /// Series (interfacial) resistance R_s, in Ω·cm² (paper: 10).
    public var seriesResistanceOhmSquareCentimetres: Double
    /// Molar volume of Li V_m, in m³/mol (paper: 1.3×10⁻⁵).
    public var molarVolumeCubicMetresPerMole: Double
    /// Faraday constant F, in C/mol (paper: 96485).
    public var faradayCoulombsPerMole: Double
    /// Density of Li, in g/cm³ (0.534).
    public var lithiumDensityGramsPerCubicCentimetre: Double
    /// Molar mass of Li, in g/mol (6.94).
    public var lithiumMolarMassGramsPerMole: Double

    public init(seriesResistanceOhmSquareCentimetres: Double = 10, molarVolumeCubicMetresPerMole: Double = 1.3e-5,
                faradayCoulombsPerMole: Double = 96485, lithiumDensityGramsPerCubicCentimetre: Double = 0.534,
                lithiumMolarMassGramsPerMole: Double = 6.94) {
        self.seriesResistanceOhmSquareCentimetres = seriesResistanceOhmSquareCentimetres
        self.molarVolumeCubicMetresPerMole = molarVolumeCubicMetresPerMole
        self.faradayCoulombsPerMole = faradayCoulombsPerMole
        self.lithiumDensityGramsPerCubicCentimetre = lithiumDensityGramsPerCubicCentimetre
        self.lithiumMolarMassGramsPerMole = lithiumMolarMassGramsPerMole
    }

    /// Overpotential η = i·R_s in V, for i in mA/cm² (10⁻³ A/cm² × Ω·cm² = V).
    public func overpotentialVolts(currentDensity: Double) -> Double {
        currentDensity * 1e-3 * seriesResistanceOhmSquareCentimetres
    }

    /// Nucleation driving force ΔG_v = F·η/V_m in MPa, for i in mA/cm² (74.2 MPa at
    /// 1 mA/cm² with the paper's constants).
    public func drivingForceMegapascals(currentDensity: Double) -> Double {
        faradayCoulombsPerMole * overpotentialVolts(currentDensity: currentDensity) / molarVolumeCubicMetresPerMole / 1e6
    }

    /// The stack pressure in MPa that offsets the driving force at i (σ_creep = ΔG_v).
    public func offsettingStackPressureMegapascals(currentDensity: Double) -> Double {
        drivingForceMegapascals(currentDensity: currentDensity)
    }

    /// The largest current density in mA/cm² whose driving force a stack pressure σ (MPa)
    /// offsets: i = σ·V_m/(F·R_s) (5 MPa → 0.067 mA/cm² with the paper's constants).
    public func largestSuppressedCurrentDensity(stackPressureMegapascals: Double) -> Double {
        stackPressureMegapascals * 1e6 * molarVolumeCubicMetresPerMole
            / (faradayCoulombsPerMole * seriesResistanceOhmSquareCentimetres) * 1e3
    }

    /// The effective surface energy γ_eff = F·R_s/(2·V_m·b) in J/m² implied by a slope b of
    /// 1/r against i (µm⁻¹ per mA/cm²), from r_crit = 2γ/|ΔG_v|. A model quantity: it absorbs
    /// everything the nucleation picture leaves out, and is not the surface energy of Li.
    /// b is converted to SI as b·10⁹ m⁻¹ per A/cm² (10⁶ m⁻¹/µm⁻¹ over 10⁻³ A/mA).
    public func effectiveSurfaceEnergyJoulesPerSquareMetre(slope: Double) -> Double {
        faradayCoulombsPerMole * seriesResistanceOhmSquareCentimetres
            / (2 * molarVolumeCubicMetresPerMole * slope * 1e9)
    }

    /// Thickness of Li in µm stripped by an areal capacity Q in mAh/cm²:
    /// h = Q·3.6 C/mAh · M/(F·ρ) (1 mAh/cm² ≈ 4.85 µm).
    public func strippedThicknessMicrometres(arealCapacity: Double) -> Double {
        arealCapacity * 3.6 / faradayCoulombsPerMole * lithiumMolarMassGramsPerMole
            / lithiumDensityGramsPerCubicCentimetre * 1e4
    }
}

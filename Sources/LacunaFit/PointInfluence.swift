/// How much one point of an OLS line drives it: leverage, Cook's distance and the line refitted
/// without the point.
public struct PointInfluence: Sendable, Equatable {
    /// Index of the point in the input.
    public var index: Int
    /// Leverage hᵢᵢ = 1/n + (xᵢ − x̄)²/Sxx (diagonal of the hat matrix), 0…1.
    public var leverage: Double
    /// Cook's distance Dᵢ = eᵢ²/(p·s²) · hᵢᵢ/(1 − hᵢᵢ)² with p = 2 coefficients (Cook, 1977,
    /// Technometrics 19, 15); values near or above 1 mark a point that moves the fit a lot.
    /// Nil when undefined (no residual degrees of freedom, or hᵢᵢ = 1 within rounding).
    public var cooksDistance: Double?
    /// Slope of the OLS line without this point; nil when the rest has a single distinct x.
    public var leaveOneOutSlope: Double?
    /// Intercept of the OLS line without this point; nil like ``leaveOneOutSlope``.
    public var leaveOneOutIntercept: Double?
}

/// Leverage, Cook's distance and leave-one-out refits of the OLS line `y = a + b·x`, per point.
///
/// Method: closed-form hat-matrix diagonal of a straight line and Cook's distance (Cook 1977;
/// Draper & Smith, *Applied Regression Analysis*, 3rd ed., §8.3); each leave-one-out line is a
/// fresh ``fitLinear(x:y:)`` on the other n − 1 points. O(n²).
///
/// - Throws: The errors of ``fitLinear(x:y:)`` on the full data.
public func pointInfluence(x: [Double], y: [Double]) throws(FitError) -> [PointInfluence] {
    let fit = try fitLinear(x: x, y: y)
    let n = Double(fit.pointCount)
    return x.indices.map { index in
        let dx = x[index] - fit.meanX
        let leverage = 1 / n + dx * dx / fit.sumOfSquaresX
        var cooks: Double?
        if fit.residualVariance.isFinite, fit.residualVariance > 0, leverage < 1 - 1e-12 {
            let residual = fit.residuals[index]
            cooks = residual * residual / (2 * fit.residualVariance) * leverage / ((1 - leverage) * (1 - leverage))
        }
        var otherX = x
        var otherY = y
        otherX.remove(at: index)
        otherY.remove(at: index)
        let refit = try? fitLinear(x: otherX, y: otherY)
        return PointInfluence(index: index, leverage: leverage, cooksDistance: cooks,
                              leaveOneOutSlope: refit?.slope, leaveOneOutIntercept: refit?.intercept)
    }
}

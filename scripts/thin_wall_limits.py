#!/usr/bin/env python3
"""What a blurred micrograph can say about walls thinner than about 2σ (docs/methods.md,
"Thin walls: what the image does not determine").

A wall of width w and unit contrast, blurred by a Gaussian of σ_t (beam PSF ⊕ Lacuna's
smoothing of 1 px), has the profile ½[erf((x + w/2)/√2σ_t) − erf((x − w/2)/√2σ_t)]. Prints:

1. Where the edges of such a wall appear. Any edge locator that finds the gradient maximum
   (Canny; the PLUS zero crossing, which equals d²/dx² = 0 on a straight wall) sees the
   inflection points; for w < ~2σ_t they move out of the wall, each by `shift` px into the hole
   beside it, so a hole of radius R reads about shift/R small. The last column is how far the
   edge moves when σ_t is 5 % larger: correcting the shift needs σ_t to better than that.
2. The degeneracy: the best least-squares match, by a wall of another width w' and contrast c',
   to the w = 3.5 px wall, and the largest difference of the two profiles as a fraction of the
   contrast. Where that is below the noise (2–5 % of full scale in the validation images, with
   contrasts of about half the full scale), the image does not say which wall it is, unless the
   wall's true grey level is known to better than the contrast ratios c' printed; the SEM edge
   effect (a bright rim of unknown amplitude on the wall) removes that knowledge.
3. The bias this model predicts for the small-hole validation images (seeds 7301–7306 of
   Tests/LacunaPipelineTests/BoundaryAccuracyTests.swift), next to what Lacuna measured there.

Run: python3 scripts/thin_wall_limits.py   (numpy, scipy)
"""
import numpy as np
from scipy.optimize import brentq
from scipy.special import erf

SMOOTHING_SIGMA = 1.0  # Lacuna's default --sigma, added in quadrature to the PSF


def wall_profile(x, width, sigma):
    """A wall of unit contrast and the given width (px), blurred by a Gaussian of sigma (px)."""
    s = np.sqrt(2.0) * sigma
    return 0.5 * (erf((x + width / 2) / s) - erf((x - width / 2) / s))


def edge_position(width, sigma):
    """Distance from the wall's centre to the inflection point (d²/dx² = 0) of its profile."""
    a = width / 2

    def second_derivative_sign(x):
        return (x + a) * np.exp(-(x + a) ** 2 / (2 * sigma * sigma)) - (x - a) * np.exp(-(x - a) ** 2 / (2 * sigma * sigma))

    return brentq(second_derivative_sign, a + 1e-9, a + 8 * sigma)


def main():
    print("1. edge shift into the hole (px), the radius error at R = 10 px, and the shift change for σ_t + 5 %")
    print(f"{'w':>5} {'σ_t':>5} {'shift':>7} {'R=10':>7} {'Δ(σ+5%)':>8}")
    for width in (3.0, 3.5, 4.0, 6.0):
        for sigma in (1.1, 1.4, 1.8, 2.2, 2.7):
            shift = edge_position(width, sigma) - width / 2
            change = edge_position(width, 1.05 * sigma) - width / 2 - shift
            print(f"{width:5.1f} {sigma:5.2f} {shift:+7.3f} {-100 * shift / 10:+6.1f}% {change:+8.3f}")

    print("\n2. walls that look alike: best (w', c') for the w = 3.5 px wall, largest profile difference")
    x = np.linspace(-15, 15, 3001)
    print(f"{'σ_t':>5} {'w′':>5} {'c′':>6} {'max diff':>9}")
    for sigma in (1.4, 1.8, 2.2, 2.7):
        reference = wall_profile(x, 3.5, sigma)
        for other in (2.8, 3.0, 4.0, 4.5):
            profile = wall_profile(x, other, sigma)
            contrast = float(reference @ profile / (profile @ profile))
            difference = float(np.max(np.abs(reference - contrast * profile)))
            print(f"{sigma:5.2f} {other:5.1f} {contrast:6.3f} {100 * difference:8.2f}%")

    print("\n3. predicted radius bias on the small-hole validation images (bar model only, no rim)")
    # seed, mean radius (px), σ_psf (px), wall (px), Lacuna's measured error (%), from docs/methods.md
    rows = [(7301, 9.7, 1.95, 3.8, -7.16), (7302, 10.5, 0.98, 3.0, -3.24), (7303, 9.3, 1.71, 3.7, -6.05),
            (7304, 9.8, 1.79, 3.3, -7.60), (7305, 12.2, 1.31, 3.6, -3.83), (7306, 11.5, 1.92, 3.8, -5.79)]
    print(f"{'seed':>5} {'σ_t':>5} {'predicted':>10} {'measured':>9}")
    for seed, radius, psf, width, measured in rows:
        sigma = float(np.hypot(psf, SMOOTHING_SIGMA))
        shift = edge_position(width, sigma) - width / 2
        print(f"{seed:5d} {sigma:5.2f} {-100 * shift / radius:+9.2f}% {measured:+8.2f}%")


if __name__ == "__main__":
    main()

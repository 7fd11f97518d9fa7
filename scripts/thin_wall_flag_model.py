#!/usr/bin/env python3
"""The 1-D model behind the `thin_walls` flag (docs/methods.md, "Edge blur and thin walls").

A bright wall of width w between two dark holes, blurred by a Gaussian: the edge response
(the second derivative across the wall) changes sign at the sub-pixel edges and peaks in the
hole. Lacuna's discrete kernels act as extra Gaussian blur: sigma_r^2 = sigma_t^2 + 5/12 px^2,
with sigma_t^2 = sigma_psf^2 + 1 (its 1 px smoothing); the first table checks that against the
discrete pipeline in 1-D (pixel-area sampling, scipy's Gaussian, second differences, linear
interpolation). The second prints, per sigma_psf and wall width w, the edge-to-edge width over
sigma_t and how far each edge moves into its hole: below 3.5 sigma_t the edges have moved
0.03 px or more. Needs numpy and scipy.
"""
import numpy as np
from scipy.ndimage import gaussian_filter1d
from scipy.optimize import brentq, minimize_scalar
from scipy.special import erf


def observed(sigma, wall):
    """Edge-to-edge width and zero-crossing-to-peak distance of the continuous model."""
    a = wall / 2
    def curvature(x):
        u, v = (x - a) / sigma, (x + a) / sigma
        return u * np.exp(-u * u / 2) - v * np.exp(-v * v / 2)
    edge = brentq(curvature, 0, a + 8 * sigma)
    peak = minimize_scalar(lambda x: -curvature(x), bounds=(edge, edge + 6 * sigma), method="bounded").x
    return 2 * edge, peak - edge


def discrete(sigma_psf, wall, phases=16):
    """The same two distances through the discrete kernels, averaged over sub-pixel phases."""
    x = np.arange(0, 200) + 0.5
    t = np.arange(-8, 0.001, 0.25)
    profile, widths = np.zeros_like(t), []
    for k in range(phases):
        a = 100.0 + k / phases
        b = a + wall
        xs = x[:, None] + np.linspace(-0.5, 0.5, 41)[None, :]
        grey = (0.5 * (erf((xs - a) / (np.sqrt(2) * sigma_psf)) - erf((xs - b) / (np.sqrt(2) * sigma_psf)))).mean(1)
        s = gaussian_filter1d(grey, 1.0, mode="mirror", truncate=4.0)
        r = np.zeros_like(s)
        r[1:-1] = 2 * (s[2:] - 2 * s[1:-1] + s[:-2])
        fine = np.arange(60, b + 40, 0.25)
        rf = np.interp(fine, x, r)
        ups = [i for i in range(len(fine) - 1) if rf[i] > 0 >= rf[i + 1]]
        downs = [i for i in range(len(fine) - 1) if rf[i] <= 0 < rf[i + 1]]
        i = min(ups, key=lambda i: abs(fine[i] - a))
        j = min(downs, key=lambda j: abs(fine[j] - b))
        left = fine[i] + 0.25 * rf[i] / (rf[i] - rf[i + 1])
        right = fine[j] + 0.25 * rf[j] / (rf[j] - rf[j + 1])
        widths.append(right - left)
        profile += np.interp(left + t, x, r)
    j = int(np.argmax(profile))
    y0, y1, y2 = profile[j - 1], profile[j], profile[j + 1]
    return float(np.mean(widths)), -(t[j] + 0.25 * 0.5 * (y0 - y2) / (y0 - 2 * y1 + y2))


print("model against the discrete kernels (width, lobe in px)")
for psf, wall in [(1.0, 4), (1.5, 4), (2.0, 4), (2.5, 3), (2.0, 6), (2.5, 20)]:
    sigma_r = np.sqrt(psf ** 2 + 1 + 5 / 12)
    m, d = observed(sigma_r, wall), discrete(psf, wall)
    print(f"  psf {psf} wall {wall}: model {m[0]:.3f} {m[1]:.3f}  discrete {d[0]:.3f} {d[1]:.3f}")

print("edge-to-edge width / sigma_t, and each edge's shift into its hole (px)")
for psf in [0.8, 1.2, 1.6, 2.0, 2.4]:
    sigma_t = np.sqrt(psf ** 2 + 1)
    sigma_r = np.sqrt(sigma_t ** 2 + 5 / 12)
    cells = []
    for wall in [3, 3.5, 4, 4.5, 5, 5.5, 6, 7, 8]:
        width, _ = observed(sigma_r, wall)
        cells.append(f"w{wall:.1f}: {width / sigma_t:.2f}/{(width - wall) / 2:.2f}")
    print(f"  psf {psf}: " + "  ".join(cells))

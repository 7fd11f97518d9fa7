#!/usr/bin/env python3
"""Reference values for the issue-6 fitting models (Tests/LacunaFitTests/ModelReference.swift).

Every number asserted in the model tests comes from here, computed with numpy/scipy routines
that do not share code with the Swift implementation:

  * OLS 1/r = a + b*i (scipy.stats.linregress), its Wald p value, prediction intervals;
  * OLS through the origin 1/r = b*i (numpy.linalg.lstsq without a constant column);
  * WLS with weights w = r^2 (constant relative error of r) and w = r^4 / se_r^2
    (delta method), exactly by numpy.linalg.lstsq, cross-checked with scipy.optimize.curve_fit
    (absolute_sigma False and True);
  * power law ln r = ln A + n ln i and the t test of n = -1;
  * r = c + d / i (linregress on 1/i);
  * F test of a = 0 (scipy.stats.f.sf), log-likelihoods on the radius scale
    (scipy.stats.norm.logpdf plus the log Jacobian of the transform), AIC and AICc;
  * leave-one-out slopes and Cook's distances (hat matrix with numpy);
  * ODR with errors in both variables: the full objective's optimum and its Gauss-Newton
    covariance at 40 digits with mpmath (numerical derivatives), cross-checked with scipy.odr
    (deprecated in SciPy 1.17 but present), which stops near 1e-5 with its default tolerances;
  * depletion time t = C * i^k and the t test of k = -2;
  * the stratified bootstrap: BCa acceleration from scipy's own jackknife, BCa/percentile
    endpoints of scipy.stats.bootstrap for a given bootstrap distribution, and a full
    9999-resample scipy bootstrap for a Monte Carlo comparison;
  * physics constants: driving force F*i*R_s/V_m, stripped thickness per mAh/cm^2.

Run: python3 scripts/fit_models_reference.py    (numpy 2.x, scipy 1.17)
"""
import warnings

import numpy as np
from scipy import odr, optimize, stats
from scipy.stats._resampling import BootstrapResult

np.set_printoptions(precision=12)


def show(name, value):
    if np.ndim(value) == 0:
        print(f"  {name} = {float(value):.12g}")
    else:
        print(f"  {name} = [" + ", ".join(f"{float(v):.12g}" for v in np.ravel(value)) + "]")


# The paper's data: i in mA/cm^2, r in micrometres (anchors.md 4.6).
i = np.array([1.0, 2.0, 5.0, 10.0])
r = np.array([4.1, 2.4, 0.9, 0.4])
y = 1.0 / r
n = len(i)

print("OLS 1/r = a + b i")
lin = stats.linregress(i, y)
show("slope", lin.slope)
show("intercept", lin.intercept)
show("p_value", lin.pvalue)
show("r_squared", lin.rvalue ** 2)
resid = y - (lin.intercept + lin.slope * i)
sse_full = np.sum(resid ** 2)
show("residuals", resid)
show("sse", sse_full)
s2 = sse_full / (n - 2)
sxx = np.sum((i - i.mean()) ** 2)
t2 = stats.t.ppf(0.975, n - 2)
for x_star in (10.0, 3.0, 20.0):
    fit = lin.intercept + lin.slope * x_star
    half_pred = t2 * np.sqrt(s2 * (1 + 1 / n + (x_star - i.mean()) ** 2 / sxx))
    half_conf = t2 * np.sqrt(s2 * (1 / n + (x_star - i.mean()) ** 2 / sxx))
    print(f"  at i* = {x_star}:")
    show("    inverse_radius", fit)
    show("    r_crit", 1 / fit)
    show("    prediction 1/r", [fit - half_pred, fit + half_pred])
    show("    confidence 1/r", [fit - half_conf, fit + half_conf])

print("OLS through the origin 1/r = b i")
X0 = i[:, None]
b0, sse0, _, _ = np.linalg.lstsq(X0, y, rcond=None)
sse0 = float(np.sum((y - b0[0] * i) ** 2))
se_b0 = np.sqrt(sse0 / (n - 1) / np.sum(i ** 2))
t1 = stats.t.ppf(0.975, n - 1)
show("slope", b0[0])
show("slope_se", se_b0)
show("slope_ci95", [b0[0] - t1 * se_b0, b0[0] + t1 * se_b0])
show("sse", sse0)

print("F test of a = 0 (through-origin model nested in the straight line)")
F = (sse0 - sse_full) / 1 / (sse_full / (n - 2))
show("F", F)
show("p", stats.f.sf(F, 1, n - 2))
show("intercept t^2 (equals F)", (lin.intercept / lin.intercept_stderr) ** 2)


def line(x, a, b):
    return a + b * x


def wls(sigma, label):
    """Exact WLS by numpy.linalg.lstsq on rows scaled by sqrt(w); covariance inv(A^T A)
    (absolute) and times chi^2/(n - 2) (scaled). scipy.optimize.curve_fit, which iterates,
    agrees to about 1e-7 and is checked as a cross-check."""
    print(label)
    w = 1 / sigma ** 2
    A = np.column_stack([np.ones(n), i]) * np.sqrt(w)[:, None]
    coef, *_ = np.linalg.lstsq(A, y * np.sqrt(w), rcond=None)
    chi2 = np.sum(w * (y - line(i, *coef)) ** 2)
    cov_abs = np.linalg.inv(A.T @ A)
    cov_rel = cov_abs * chi2 / (n - 2)
    show("intercept", coef[0])
    show("slope", coef[1])
    show("intercept_se (scaled)", np.sqrt(cov_rel[0, 0]))
    show("slope_se (scaled)", np.sqrt(cov_rel[1, 1]))
    show("intercept_se (absolute)", np.sqrt(cov_abs[0, 0]))
    show("slope_se (absolute)", np.sqrt(cov_abs[1, 1]))
    show("chi_squared", chi2)
    show("slope_ci95 (scaled)", [coef[1] - t2 * np.sqrt(cov_rel[1, 1]),
                                 coef[1] + t2 * np.sqrt(cov_rel[1, 1])])
    p_rel, cov_curve = optimize.curve_fit(line, i, y, sigma=sigma, absolute_sigma=False)
    assert np.allclose(p_rel, coef, rtol=1e-6, atol=0)
    assert np.allclose(np.sqrt(np.diag(cov_curve)), np.sqrt(np.diag(cov_rel)), rtol=1e-5, atol=0)


# Constant relative error of r: sigma(1/r) = c / r, so w = r^2 (anchors.md 4.6).
wls(1 / r, "WLS, constant relative error of r (w = r^2)")
# Delta method with known standard errors of r: sigma(1/r) = se_r / r^2, w = r^4 / se_r^2.
se_r = np.array([0.35, 0.2, 0.09, 0.05])
wls(se_r / r ** 2, "WLS, delta method with se_r = [0.35, 0.2, 0.09, 0.05]")

print("Power law ln r = ln A + n ln i, test n = -1")
pw = stats.linregress(np.log(i), np.log(r))
show("exponent", pw.slope)
show("exponent_se", pw.stderr)
t_stat = (pw.slope + 1) / pw.stderr
show("t (n = -1)", t_stat)
show("p (n = -1)", 2 * stats.t.sf(abs(t_stat), n - 2))
sse_log = np.sum((np.log(r) - pw.intercept - pw.slope * np.log(i)) ** 2)
show("sse_log", sse_log)

print("r = c + d / i")
inv = stats.linregress(1 / i, r)
show("slope d", inv.slope)
show("intercept c", inv.intercept)
show("r_squared", inv.rvalue ** 2)
show("slope_se", inv.stderr)
show("intercept_se", inv.intercept_stderr)
sse_inv = np.sum((r - inv.intercept - inv.slope / i) ** 2)

print("Log-likelihood on the radius scale (maximum likelihood sigma), AIC, AICc")


def loglik(residuals, log_jacobian):
    m = len(residuals)
    sigma = np.sqrt(np.sum(residuals ** 2) / m)
    return np.sum(stats.norm.logpdf(residuals, scale=sigma)) + log_jacobian


models = {
    "linear": (resid, -2 * np.sum(np.log(r)), 3),
    "through_origin": (y - b0[0] * i, -2 * np.sum(np.log(r)), 2),
    "power_law": (np.log(r) - pw.intercept - pw.slope * np.log(i), -np.sum(np.log(r)), 3),
    "radius_vs_inverse_current": (r - inv.intercept - inv.slope / i, 0.0, 3),
}
for name, (res, jac, k) in models.items():
    ll = loglik(res, jac)
    aic = 2 * k - 2 * ll
    aicc = aic + 2 * k * (k + 1) / (n - k - 1) if n - k - 1 > 0 else float("nan")
    print(f"  {name}: k = {k}")
    show("    log_likelihood", ll)
    show("    aic", aic)
    show("    aicc", aicc)

print("Leave-one-out slopes and Cook's distance (p = 2)")
X = np.column_stack([np.ones(n), i])
H = X @ np.linalg.inv(X.T @ X) @ X.T
h = np.diag(H)
cook = resid ** 2 / (2 * s2) * h / (1 - h) ** 2
loo = [stats.linregress(np.delete(i, k), np.delete(y, k)).slope for k in range(n)]
loo_int = [stats.linregress(np.delete(i, k), np.delete(y, k)).intercept for k in range(n)]
show("leverage", h)
show("cooks_distance", cook)
show("loo_slopes", loo)
show("loo_intercepts", loo_int)

print("ODR, 1/r = a + b i, sigma_i = 5 % of i, sigma_(1/r) = se_r / r^2")
# The optimum of the full ODR objective over theta = (a, b, delta_1..delta_n), found at 40 digits
# with mpmath (a root of its gradient, started from scipy.optimize.least_squares), then the
# Gauss-Newton covariance inv(J^T J) of the full (2n x (n+2)) residual Jacobian (numerical
# derivatives at 40 digits) and its (a, b) block. scipy.odr and least_squares stop short of that.
import mpmath as mp  # noqa: E402

mp.mp.dps = 40
se_i = 0.05 * i
sy = se_r / r ** 2


def odr_residuals(theta):
    a, b, delta = theta[0], theta[1], theta[2:]
    return np.concatenate([(y - a - b * (i + delta)) / sy, delta / se_i])


start = optimize.least_squares(odr_residuals, np.concatenate([[lin.intercept, lin.slope], np.zeros(n)]),
                               xtol=1e-15, ftol=1e-15, gtol=1e-15, method="lm").x
X_mp = [mp.mpf(1), mp.mpf(2), mp.mpf(5), mp.mpf(10)]
R_mp = [mp.mpf("4.1"), mp.mpf("2.4"), mp.mpf("0.9"), mp.mpf("0.4")]
Y_mp = [1 / v for v in R_mp]
SY_mp = [mp.mpf(s) / v ** 2 for s, v in zip(("0.35", "0.2", "0.09", "0.05"), R_mp)]
SX_mp = [mp.mpf("0.05") * v for v in X_mp]


def residuals_mp(*theta):
    a, b, delta = theta[0], theta[1], theta[2:]
    return ([(Y_mp[k] - a - b * (X_mp[k] + delta[k])) / SY_mp[k] for k in range(n)]
            + [delta[k] / SX_mp[k] for k in range(n)])


def objective_mp(*theta):
    return mp.fsum(e ** 2 for e in residuals_mp(*theta))


def gradient_mp(*theta):
    return [mp.diff(lambda t: objective_mp(*(theta[:k] + (t,) + theta[k + 1:])), theta[k])
            for k in range(n + 2)]


theta_mp = mp.findroot(gradient_mp, [mp.mpf(float(v)) for v in start])
theta_mp = tuple(theta_mp[k] for k in range(n + 2))
J_mp = mp.matrix(2 * n, n + 2)
for k in range(n + 2):
    column = [mp.diff(lambda t: residuals_mp(*(theta_mp[:k] + (t,) + theta_mp[k + 1:]))[row], theta_mp[k])
              for row in range(2 * n)]
    for row in range(2 * n):
        J_mp[row, k] = column[row]
cov_mp = (J_mp.T * J_mp) ** -1
sum_square_mp = objective_mp(*theta_mp)
res_var_mp = sum_square_mp / (n - 2)
theta = np.array([float(v) for v in theta_mp])
cov_beta = np.array([[float(cov_mp[0, 0]), float(cov_mp[0, 1])], [float(cov_mp[1, 0]), float(cov_mp[1, 1])]])
res_var = float(res_var_mp)
show("intercept", theta[0])
show("slope", theta[1])
show("sd_beta (scaled by res_var)", np.sqrt(np.diag(cov_beta) * res_var))
show("sqrt(diag(cov_beta)) (unscaled)", np.sqrt(np.diag(cov_beta)))
show("res_var", res_var)
show("sum_square", float(sum_square_mp))
show("delta (x adjustments)", theta[2:])
# Cross-check with scipy.odr (ODRPACK; deprecated in SciPy 1.17) at its default tolerances.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    model = odr.Model(lambda beta, x: beta[0] + beta[1] * x)
    out = odr.ODR(odr.RealData(i, y, sx=se_i, sy=sy), model, beta0=[lin.intercept, lin.slope]).run()
assert np.allclose(out.beta, theta[:2], rtol=1e-4, atol=0)
assert np.allclose(out.sd_beta, np.sqrt(np.diag(cov_beta) * res_var), rtol=1e-4, atol=0)
assert np.allclose(np.sqrt(np.diag(out.cov_beta)), np.sqrt(np.diag(cov_beta)), rtol=1e-4, atol=0)
show("scipy.odr beta (cross-check)", out.beta)
show("scipy.odr sd_beta (cross-check)", out.sd_beta)

print("Depletion time t = C i^k, test k = -2")
t_h = np.array([96.0, 26.5, 3.8, 1.05])
dep = stats.linregress(np.log(i), np.log(t_h))
show("k", dep.slope)
show("k_se", dep.stderr)
show("C_h", np.exp(dep.intercept))
show("k_ci95", [dep.slope - t2 * dep.stderr, dep.slope + t2 * dep.stderr])
tk = (dep.slope + 2) / dep.stderr
show("t (k = -2)", tk)
show("p (k = -2)", 2 * stats.t.sf(abs(tk), n - 2))

print("Stratified bootstrap: images (one value each) resampled within conditions")
strata = [np.array([4.3, 3.9, 4.0]), np.array([2.5, 2.2, 2.45]),
          np.array([0.95, 0.85, 0.92, 0.88]), np.array([0.42, 0.37, 0.41])]


def slope_stat(*samples, axis=-1):
    means = np.stack([np.mean(s, axis=axis) for s in samples], axis=-1)
    yy = 1 / means
    xm = i.mean()
    return np.sum((i - xm) * (yy - yy.mean(axis=-1, keepdims=True)), axis=-1) / np.sum((i - xm) ** 2)


def exponent_stat(*samples, axis=-1):
    means = np.stack([np.mean(s, axis=axis) for s in samples], axis=-1)
    yy = np.log(means)
    lx = np.log(i)
    xm = lx.mean()
    return np.sum((lx - xm) * (yy - yy.mean(axis=-1, keepdims=True)), axis=-1) / np.sum((lx - xm) ** 2)


theta_hat = slope_stat(*strata)
show("slope of condition means", theta_hat)
show("exponent of condition means", exponent_stat(*strata))
# A fixed bootstrap distribution (not random), so that the interval arithmetic can be compared
# exactly: 40 values theta_hat + 0.01 * (k - 14.5) / 7 + 0.002 * sin(k), k = 0...39.
k = np.arange(40)
fixed = theta_hat + 0.01 * (k - 14.5) / 7 + 0.002 * np.sin(k)
for method in ("BCa", "percentile"):
    prior = BootstrapResult(confidence_interval=None, bootstrap_distribution=fixed,
                            standard_error=None)
    res = stats.bootstrap(strata, slope_stat, n_resamples=0, bootstrap_result=prior,
                          method=method, confidence_level=0.95, vectorized=True)
    show(f"{method} interval of the fixed distribution", [res.confidence_interval.low,
                                                        res.confidence_interval.high])
# scipy's own jackknife acceleration (returned for testing by the private helper).
from scipy.stats._resampling import _bca_interval  # noqa: E402
import scipy._lib._array_api as array_api  # noqa: E402
alpha_1, alpha_2, a_hat = _bca_interval(strata, slope_stat, axis=-1, alpha=0.025,
                                        theta_hat_b=fixed[None, :], batch=None,
                                        xp=array_api.array_namespace(fixed))
show("acceleration a_hat", a_hat)
show("alpha_1, alpha_2", [np.ravel(alpha_1)[0], np.ravel(alpha_2)[0]])
for method in ("BCa", "percentile"):
    for stat, label in ((slope_stat, "slope"), (exponent_stat, "exponent")):
        res = stats.bootstrap(strata, stat, n_resamples=9999, method=method, vectorized=True,
                              rng=np.random.default_rng(12345))
        show(f"9999-resample scipy {method} interval of the {label}",
             [res.confidence_interval.low, res.confidence_interval.high])
        show(f"  bootstrap standard error of the {label}", res.standard_error)

print("Physics")
F_const, V_m, R_s = 96485.0, 1.3e-5, 10.0
for current in (1.0, 10.0):
    eta = current * 1e-3 * R_s
    show(f"driving force at {current} mA/cm^2 (MPa)", 96485.0 * eta / V_m / 1e6)
show("current suppressed by 5 MPa (mA/cm^2)", 5e6 * V_m / (F_const * R_s) * 1e3)
show("gamma_eff for the OLS slope (J/m^2)", F_const * R_s / (2 * V_m * lin.slope * 1e9))
show("Li thickness per mAh/cm^2 (um)", 3.6 / F_const * 6.94 / 0.534 * 1e4)

print("Normal distribution (scipy.special.ndtri / ndtr)")
from scipy import special  # noqa: E402
for p in (1e-12, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999999):
    show(f"ndtri({p:g})", special.ndtri(p))
for z in (-8.0, -1.96, 0.0, 0.5, 3.0):
    show(f"ndtr({z:g})", special.ndtr(z))

print("F distribution (scipy.stats.f.sf)")
for f, d1, d2 in ((1.22237314022, 1, 2), (3.5, 2, 10), (0.2, 5, 3), (40.0, 1, 30)):
    show(f"sf({f:g}, {d1}, {d2})", stats.f.sf(f, d1, d2))

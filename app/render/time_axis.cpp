// Axis ticks on round scenario seconds.

#include "render/time_axis.hpp"

#include <QCoreApplication>

#include <cmath>

namespace mpviz::render {

double niceStep(double minSeconds) {
    if (!(minSeconds > 0) || !std::isfinite(minSeconds)) return 1.0;
    const double decade = std::pow(10.0, std::floor(std::log10(minSeconds)));
    for (const double m : {1.0, 2.0, 5.0, 10.0}) {
        // A hair of slack so that 0.2 asked as 0.2000000001 stays 0.2.
        if (m * decade >= minSeconds * (1 - 1e-9)) return m * decade;
    }
    return 10 * decade;
}

QString formatSeconds(double seconds, double step) {
    if (std::abs(seconds) < step * 1e-6) seconds = 0; // no "-0 s"
    if (step < 1e-3) {
        const double ms = seconds * 1e3;
        const int decimals =
            std::max(0, static_cast<int>(std::ceil(-std::log10(step * 1e3) - 1e-9)));
        return QString::number(ms, 'f', std::min(decimals, 6)) + QStringLiteral(" ms");
    }
    const int decimals = std::max(0, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
    return QString::number(seconds, 'f', std::min(decimals, 6)) + QStringLiteral(" s");
}

namespace {
// "2.00" → "2", "0.50" → "0.5": a lesson's sleep(2) reads as 2 s.
QString trimmed(double value, int decimals) {
    QString s = QString::number(value, 'f', decimals);
    if (s.contains(QLatin1Char('.'))) {
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(QLatin1Char('.'))) s.chop(1);
    }
    return s;
}
} // namespace

QString formatDuration(double seconds) {
    const double a = std::abs(seconds);
    if (a >= 10) return trimmed(seconds, 1) + QStringLiteral(" s");
    if (a >= 0.1) return trimmed(seconds, 2) + QStringLiteral(" s");
    if (a >= 1e-3) return trimmed(seconds * 1e3, 1) + QStringLiteral(" ms");
    return trimmed(seconds * 1e6, 0) + QStringLiteral(" µs");
}

QString formatInstant(const ScenarioClock& clock, std::int64_t ts) {
    if (clock.steps)
        return QCoreApplication::translate("render", "step %1")
            .arg(std::floor(clock.seconds(ts) + 1e-9));
    return QString::number(clock.seconds(ts), 'f', 3) + QStringLiteral(" s");
}

QString formatSpan(const ScenarioClock& clock, std::int64_t ns) {
    if (!clock.steps) return formatDuration(clock.durationSeconds(ns));
    const auto n = std::llround(static_cast<double>(ns) / 1e9);
    if (n < 1) return QCoreApplication::translate("render", "within a step");
    return n == 1 ? QCoreApplication::translate("render", "1 step")
                  : QCoreApplication::translate("render", "%1 steps").arg(n);
}

std::vector<AxisTick> axisTicks(const TimeMapping& mapping, const ScenarioClock& clock,
                                double minSpacing) {
    std::vector<AxisTick> ticks;
    if (!mapping.isValid() || minSpacing <= 0) return ticks;
    const double s0 = clock.seconds(mapping.t0());
    const double s1 = clock.seconds(mapping.t1());
    const double perPixel = (s1 - s0) / mapping.width();
    // A logical clock has whole steps only.
    const double step = clock.steps ? std::max(1.0, niceStep(perPixel * minSpacing))
                                    : niceStep(perPixel * minSpacing);
    const double first = std::ceil(s0 / step - 1e-9);
    const double last = std::floor(s1 / step + 1e-9);
    if (last - first > 10000) return ticks; // cannot happen with a sane spacing; stay bounded
    for (double k = first; k <= last; k += 1) {
        AxisTick tick;
        tick.seconds = k * step;
        tick.ts = clock.toTs(tick.seconds);
        tick.x = mapping.mapTimeToX(tick.ts);
        tick.label =
            clock.steps ? QString::number(tick.seconds, 'f', 0) : formatSeconds(tick.seconds, step);
        ticks.push_back(std::move(tick));
    }
    return ticks;
}

} // namespace mpviz::render

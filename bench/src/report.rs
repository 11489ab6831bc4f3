//! Printing figures with their targets, and keeping count of the targets met and missed.

use std::fmt::Write as _;

/// A target a figure is checked against.
#[derive(Clone, Copy)]
pub enum Target {
    /// The figure must not exceed this.
    AtMost(f64),
    /// The figure must reach at least this.
    AtLeast(f64),
    /// The figure must stay strictly below this.
    Below(f64),
}

impl Target {
    fn met(self, value: f64) -> bool {
        match self {
            Target::AtMost(limit) => value <= limit,
            Target::AtLeast(limit) => value >= limit,
            Target::Below(limit) => value < limit,
        }
    }
}

/// The report being printed: figures go to stdout as they are measured.
#[derive(Default)]
pub struct Report {
    missed: Vec<String>,
    met: usize,
    failures: Vec<String>,
}

impl Report {
    /// Starts a section.
    pub fn section(&self, title: &str) {
        println!("\n{title}");
    }

    /// A figure without a target.
    pub fn figure(&self, label: &str, value: &str) {
        println!("  {label:<62} {value:>14}");
    }

    /// A figure checked against `target`, shown as `target_text`.
    pub fn check(
        &mut self,
        label: &str,
        value: f64,
        shown: &str,
        target: Target,
        target_text: &str,
    ) {
        let met = target.met(value);
        let verdict = if met { "met" } else { "MISSED" };
        println!("  {label:<62} {shown:>14}   target {target_text:<10} {verdict}");
        if met {
            self.met += 1;
        } else {
            self.missed
                .push(format!("{label} ({shown}, target {target_text})"));
        }
    }

    /// A measurement that could not be taken.
    pub fn failed(&mut self, what: &str, why: &str) {
        println!("  {what:<62} {:>14}   ({why})", "not measured");
        self.failures.push(format!("{what}: {why}"));
    }

    /// Prints the summary; false when a measurement could not be taken.
    pub fn finish(&self) -> bool {
        let mut summary = format!("\ntargets: {} met, {} missed", self.met, self.missed.len());
        for missed in &self.missed {
            let _ = write!(summary, "\n  missed: {missed}");
        }
        for failure in &self.failures {
            let _ = write!(summary, "\n  not measured: {failure}");
        }
        println!("{summary}");
        self.failures.is_empty()
    }
}

/// A duration in nanoseconds, in the unit that reads best.
pub fn time(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.1} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}

/// A ratio, as `1.234x`: three decimals, so a figure just over its limit does not print as
/// equal to it.
pub fn ratio(r: f64) -> String {
    format!("{r:.3}x")
}

/// A size in bytes, in KiB or MiB.
pub fn size(bytes: u64) -> String {
    let b = bytes as f64;
    if b >= 1024.0 * 1024.0 {
        format!("{:.2} MiB", b / (1024.0 * 1024.0))
    } else {
        format!("{:.0} KiB", b / 1024.0)
    }
}

/// The median; NaN for no values.
pub fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// The value below which `p` percent of the sorted `values` fall (nearest rank).
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_percentiles() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
        assert!(median(&[]).is_nan());
        let sorted: Vec<f64> = (1..=200).map(f64::from).collect();
        assert_eq!(percentile(&sorted, 50.0), 100.0);
        assert_eq!(percentile(&sorted, 99.0), 198.0);
        assert_eq!(percentile(&sorted, 100.0), 200.0);
    }

    #[test]
    fn targets() {
        assert!(Target::AtMost(2.0).met(2.0));
        assert!(!Target::AtMost(2.0).met(2.01));
        assert!(Target::AtLeast(5.0).met(5.0));
        assert!(!Target::Below(1.0).met(1.0));
    }
}

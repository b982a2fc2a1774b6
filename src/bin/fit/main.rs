//! `sociable-fit` (`./build.sh fit`): fits the pitch model to labelled files and writes
//! `src/analysis/rules/fitted.toml`.
//!
//! The model is a logistic regression over the rules that fired and a few general features
//! (see `src/analysis/model.rs`). Each file counts as much as any other, whatever its size,
//! and the weights are penalised for moving away from the rules' hand-set weights, so that
//! rules the files never exercise keep theirs. The penalty's strength is chosen by fitting
//! on each file alone and scoring on the others; the thresholds of the three strictness
//! presets are then read off the final fit: the probability that best balances precision
//! and recall (F1) for `balanced`, favours precision (F0.5) for `relaxed` and recall (F2)
//! for `strict`, averaged over the files, within a limit on false positives per preset
//! (`PRESETS`).

mod training;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use argmin::core::{CostFunction, Error, Executor, Gradient, State};
use argmin::solver::linesearch::MoreThuenteLineSearch;
use argmin::solver::quasinewton::LBFGS;
use sociable::internals::PRIOR_BIAS;
use training::{FeatureSpace, Sample, Source, CASES, DEV_FILES};

/// Relaxed, balanced and strict: the F-beta each maximises (precision counts more in
/// relaxed, recall in strict) and the most false positives, as a share of each file's
/// non-pitches, each tolerates.
const PRESETS: [(f64, f64); 3] = [(0.5, 0.05), (1.0, 0.10), (2.0, 0.20)];
/// Issue 9's tighter false-positive limits on the comment file (`tests/corpus.rs` asserts
/// them): `(file name, preset, most false positives)`. A fit that broke them would fail there.
const FILE_FPR_LIMITS: [(&str, usize, f64); 2] = [("youtube-dev.jsonl", 0, 0.01), ("youtube-dev.jsonl", 1, 0.02)];
const OUTPUT: &str = "src/analysis/rules/fitted.toml";
/// Penalty strengths tried, per unit of squared distance from the hand-set weights.
const PENALTIES: [f64; 6] = [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1];
/// How much lower a penalty's carried-over F1 may be and still count as tied with the best.
const PENALTY_TIE: f64 = 0.005;

fn main() -> ExitCode {
    let files: Vec<PathBuf> = match std::env::args_os().skip(1).map(PathBuf::from).collect::<Vec<_>>() {
        files if files.is_empty() => DEV_FILES.iter().map(PathBuf::from).collect(),
        files => files,
    };
    match run(&files) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("sociable-fit: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(files: &[PathBuf]) -> Result<(), String> {
    let space = FeatureSpace::new();
    let mut sources: Vec<Source> = files.iter().map(|path| training::read_corpus(path, &space)).collect::<Result<_, _>>()?;
    // The brief's cases define the product and are few: together they weigh twice as much
    // as all the labelled files, so that the fit learns what the brief calls a pitch (a
    // single call to action is one only at strict) rather than only constraining thresholds.
    // Only the cases some pitch rule fires on share that weight: the others score 0 whatever
    // the weights, and counted in they would thin out the calibration with every hard
    // negative written.
    let mut cases = training::read_cases(Path::new(CASES), &space)?;
    let calibrating = cases.samples.iter().filter(|sample| sample.pitch.is_some()).count().max(1);
    cases.weight = 2.0 * sources.len() as f64 * cases.rows as f64 / calibrating as f64;
    sources.push(cases);
    let prior = Model { bias: f64::from(PRIOR_BIAS), weights: space.prior.clone() };

    println!("hand-set weights, balanced threshold 0.50:");
    for source in &sources {
        let f = figures(&prior, source, 0.5);
        println!("  {:<28} F1 {:.3} fpr {:.3}", source.name, f.f(1.0), f.fpr());
    }

    // The penalty that carries best from one labelled file to the others. The brief's cases
    // are left out of this choice: written to define the product, a few hundred of them, they
    // are too few to fit alone and too easy to score on.
    let files_only = &sources[..sources.len() - 1];
    let mut carried: Vec<(f64, f64)> = Vec::new();
    for penalty in PENALTIES {
        let mut line = format!("penalty {penalty:<7} fitted on one file, F1 on another:");
        let mut total = 0.0;
        for (i, train) in files_only.iter().enumerate() {
            let model = fit(&space, std::slice::from_ref(train), penalty)?;
            let threshold = best_threshold(&model, std::slice::from_ref(train), 1)
                .ok_or_else(|| format!("fitted on {} alone, no balanced threshold keeps its false positives within the limit", train.name))?;
            for test in files_only.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, test)| test) {
                let f1 = figures(&model, test, threshold).f(1.0);
                total += f1;
                let _ = write!(line, "  {}->{} {f1:.3}", short(&train.name), short(&test.name));
            }
        }
        println!("{line}");
        let pairs = (files_only.len() * files_only.len().saturating_sub(1)).max(1);
        carried.push((total / pairs as f64, penalty));
    }
    // Of penalties that carry about as well as the best, the middle one: the files cannot
    // tell them apart, and the edges do not hold on other text (the weakest, winning by
    // 0.003 here, lost a fifth of the premium-rate texts of an independent set; the
    // strongest lost a tenth of the brand tweets). Of two in the middle, the one that
    // carried better: taking the upper of two ties took the strongest edge, which broke the
    // comment file's floor.
    let tied_penalties = tied(&carried, PENALTY_TIE);
    let middle = tied_penalties.get(tied_penalties.len().saturating_sub(1) / 2..=tied_penalties.len() / 2).unwrap_or(&[]);
    let penalty = middle.iter().max_by(|a, b| a.0.total_cmp(&b.0)).map_or(PENALTIES[0], |&(_, penalty)| penalty);
    let model = fit(&space, &sources, penalty)?;
    let [relaxed, balanced, strict] = [(0, "relaxed"), (1, "balanced"), (2, "strict")].map(|(preset, name)| {
        best_threshold(&model, &sources, preset).ok_or_else(|| {
            format!(
                "no {name} threshold keeps every file's false positives within its limit and gives every case the verdict it expects; \
                 `cargo test --release --test cases` names the cases the weights before this fit got wrong"
            )
        })
    });
    let [relaxed, balanced, strict] = [relaxed?, balanced?, strict?];
    println!("fitted on all with penalty {penalty}: thresholds relaxed {relaxed:.2}, balanced {balanced:.2}, strict {strict:.2}");
    for source in &sources {
        let [r, b, s] = [relaxed, balanced, strict].map(|t| figures(&model, source, t));
        println!(
            "  {:<28} relaxed F1 {:.3} fpr {:.3} | balanced F1 {:.3} fpr {:.3} | strict F1 {:.3} recall {:.3}",
            source.name, r.f(1.0), r.fpr(), b.f(1.0), b.fpr(), s.f(1.0), s.recall()
        );
    }
    let text = fitted_file(&space, &model, [relaxed, balanced, strict], &training::fingerprint(&space, &sources), files, penalty);
    std::fs::write(Path::new(OUTPUT), text).map_err(|e| format!("{OUTPUT}: {e}"))?;
    println!("wrote {OUTPUT}");
    Ok(())
}

fn short(name: &str) -> &str {
    let name = name.rsplit('/').next().unwrap_or(name);
    name.split(['-', '.']).next().unwrap_or(name)
}

#[derive(Clone)]
struct Model {
    bias: f64,
    weights: Vec<f64>,
}

impl Model {
    fn probability(&self, x: &[(usize, f64)]) -> f64 {
        sigmoid(self.bias + x.iter().map(|(i, v)| self.weights[*i] * v).sum::<f64>())
    }

    /// As the analysis decides: the score and the threshold are whole percentages.
    fn calls_pitch(&self, sample: &Sample, threshold: f64) -> bool {
        sample.alert || (100.0 * self.probability(&sample.x)).round() >= (100.0 * threshold).round()
    }
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// The penalised log-loss over the samples, each file weighted by one over its row count.
struct Problem<'a> {
    sources: &'a [Source],
    prior: &'a [f64],
    penalty: f64,
}

impl Problem<'_> {
    /// Parameters are the bias followed by the weights.
    fn loss_and_gradient(&self, params: &[f64]) -> (f64, Vec<f64>) {
        let (bias, weights) = (params[0], &params[1..]);
        let mut loss = 0.0;
        let mut gradient = vec![0.0; params.len()];
        for source in self.sources {
            let share = source.weight / source.rows as f64;
            for (sample, pitch) in source.samples.iter().filter_map(|s| Some((s, s.pitch?))) {
                let z = bias + sample.x.iter().map(|(i, v)| weights[*i] * v).sum::<f64>();
                let y = if pitch { 1.0 } else { 0.0 };
                // log(1 + e^z) - y z, written to stay finite for large |z|.
                loss += share * (z.max(0.0) + (-z.abs()).exp().ln_1p() - y * z);
                let residual = share * (sigmoid(z) - y);
                gradient[0] += residual;
                for (i, v) in &sample.x {
                    gradient[1 + i] += residual * v;
                }
            }
        }
        for (i, (w, p)) in weights.iter().zip(self.prior).enumerate() {
            loss += self.penalty * (w - p).powi(2);
            gradient[1 + i] += 2.0 * self.penalty * (w - p);
        }
        (loss, gradient)
    }
}

impl CostFunction for Problem<'_> {
    type Param = Vec<f64>;
    type Output = f64;
    fn cost(&self, params: &Vec<f64>) -> Result<f64, Error> {
        Ok(self.loss_and_gradient(params).0)
    }
}

impl Gradient for Problem<'_> {
    type Param = Vec<f64>;
    type Gradient = Vec<f64>;
    fn gradient(&self, params: &Vec<f64>) -> Result<Vec<f64>, Error> {
        Ok(self.loss_and_gradient(params).1)
    }
}

fn fit(space: &FeatureSpace, sources: &[Source], penalty: f64) -> Result<Model, String> {
    let problem = Problem { sources, prior: &space.prior, penalty };
    let start: Vec<f64> = std::iter::once(f64::from(PRIOR_BIAS)).chain(space.prior.iter().copied()).collect();
    let solver = LBFGS::new(MoreThuenteLineSearch::new(), 10).with_tolerance_grad(1e-9).map_err(|e| e.to_string())?;
    let result = Executor::new(problem, solver)
        .configure(|state| state.param(start).max_iters(500))
        .run()
        .map_err(|e| format!("the fit failed: {e}"))?;
    let params = result.state().get_best_param().ok_or("the fit found no parameters")?.clone();
    Ok(Model { bias: params[0], weights: params[1..].to_vec() })
}

#[derive(Clone, Copy, Default)]
struct Figures {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

impl Figures {
    fn f(self, beta: f64) -> f64 {
        let b2 = beta * beta;
        let tp = self.tp as f64;
        let denominator = (1.0 + b2) * tp + b2 * self.fn_ as f64 + self.fp as f64;
        if denominator == 0.0 { 0.0 } else { (1.0 + b2) * tp / denominator }
    }
    fn fpr(self) -> f64 {
        self.fp as f64 / (self.fp + self.tn).max(1) as f64
    }
    fn recall(self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
}

/// The verdicts at one threshold; rows without pitch evidence are never pitches.
fn figures(model: &Model, source: &Source, threshold: f64) -> Figures {
    let mut f = Figures::default();
    for (sample, pitch) in source.samples.iter().filter_map(|s| Some((s, s.pitch?))) {
        match (model.calls_pitch(sample, threshold), pitch) {
            (true, true) => f.tp += 1,
            (true, false) => f.fp += 1,
            (false, true) => f.fn_ += 1,
            (false, false) => f.tn += 1,
        }
    }
    let missed_pitches = source.pitches - f.tp - f.fn_;
    f.fn_ += missed_pitches;
    f.tn = source.rows - f.tp - f.fp - f.fn_;
    f
}

/// Thresholds whose F-beta is this close to the best are as good as the best: on the dev
/// files one row more or less moves F by about as much.
const F_TIE: f64 = 0.002;

/// The threshold of a preset (`PRESETS[preset]`), in steps of 0.01: the best F-beta averaged
/// over the files among those where no file's false-positive rate exceeds the preset's limit
/// and every case of the brief gets the verdict it expects at this preset. Of thresholds tied
/// with the best (`F_TIE`), the lowest: the dev files cannot tell them apart, and on text
/// the fit never saw, recall is what falls. Rules the dev files never exercise keep their
/// prior and, alone, score near the middle of the tie: on three independent sets (two of
/// text messages, one of forum comments) the highest of the tie lost a third of the
/// messages' pitches, the middle a tenth of them, and the lowest no more false positives
/// than the middle. `None` when no threshold qualifies.
fn best_threshold(model: &Model, sources: &[Source], preset: usize) -> Option<f64> {
    let (beta, most_fpr) = PRESETS[preset];
    let mut scored: Vec<(f64, f64)> = Vec::new();
    for step in 5..=95 {
        let threshold = f64::from(step) / 100.0;
        let figures: Vec<Figures> = sources.iter().map(|s| figures(model, s, threshold)).collect();
        let cases_hold = sources.iter().flat_map(|s| &s.samples).all(|sample| {
            sample.verdicts[preset].is_none_or(|pitch| pitch == model.calls_pitch(sample, threshold))
        });
        if !cases_hold || figures.iter().zip(sources).any(|(f, source)| f.fpr() > fpr_limit(source, preset, most_fpr)) {
            continue;
        }
        scored.push((figures.iter().map(|f| f.f(beta)).sum::<f64>() / sources.len() as f64, threshold));
    }
    tied(&scored, F_TIE).first().map(|&(_, threshold)| threshold)
}

/// Of `(score, choice)` pairs, those scoring within `tie` of the best, in the order tried.
fn tied(scored: &[(f64, f64)], tie: f64) -> Vec<(f64, f64)> {
    let best = scored.iter().map(|(score, _)| *score).fold(f64::NEG_INFINITY, f64::max);
    scored.iter().filter(|(score, _)| *score >= best - tie).copied().collect()
}

/// The most false positives `source` may have at `preset`: the preset's own limit, or a
/// tighter one the issue set for that file.
fn fpr_limit(source: &Source, preset: usize, preset_limit: f64) -> f64 {
    FILE_FPR_LIMITS
        .iter()
        .filter(|(file, limit_preset, _)| source.name.ends_with(file) && *limit_preset == preset)
        .fold(preset_limit, |limit, (_, _, file_limit)| limit.min(*file_limit))
}

fn fitted_file(space: &FeatureSpace, model: &Model, [relaxed, balanced, strict]: [f64; 3], fingerprint: &str, files: &[PathBuf], penalty: f64) -> String {
    let mut s = String::from("# The pitch model's weights, fitted by `./build.sh fit` (src/bin/fit). Do not edit by hand:\n");
    s.push_str("# change a rule's hand-set `weight` or the rules, then fit again. `tests/fitted.rs` fails\n");
    s.push_str("# when these no longer match the rules and the files they were fitted to.\n");
    let names: Vec<String> = files.iter().map(|f| f.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned())).collect();
    let _ = writeln!(s, "# Fitted to {} with a penalty of {penalty} per squared step from the hand-set weights.", names.join(", "));
    let _ = writeln!(s, "fingerprint = {fingerprint:?}");
    let _ = writeln!(s, "bias = {:.4}\n", model.bias);
    s.push_str("# Probabilities of a pitch from which each preset calls a draft a pitch.\n[thresholds]\n");
    let _ = writeln!(s, "relaxed = {relaxed:.2}\nbalanced = {balanced:.2}\nstrict = {strict:.2}\n");
    s.push_str("[general]\n");
    for (name, weight) in space.names[space.general_start..].iter().zip(&model.weights[space.general_start..]) {
        let _ = writeln!(s, "{name} = {weight:.4}");
    }
    s.push_str("\n[rules]\n");
    for (name, weight) in space.names[..space.general_start].iter().zip(&model.weights) {
        let _ = writeln!(s, "{name} = {weight:.4}");
    }
    s
}

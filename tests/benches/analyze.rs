//! Speed of the analysis core: throughput on real comments, a long post and 1 MB of text,
//! per-post percentiles, and how the cost per byte grows with length.
//!
//! `./build.sh bench` runs it; the figures go in the README.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, Criterion, Throughput};
use sociable::{Analyzer, Options};

fn corpus() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/youtube-dev.jsonl");
    let text = std::fs::read_to_string(path).expect("the dev corpus sits in ../shared/corpus");
    text.lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|row| row["text"].as_str().map(str::to_string))
        .collect()
}

/// A draft of about `len` bytes made of real comments, as a long post or a pasted
/// calendar would be.
fn text_of_len(corpus: &[String], len: usize) -> String {
    let mut text = String::with_capacity(len + 1024);
    for row in corpus.iter().cycle() {
        if text.len() >= len {
            break;
        }
        text.push_str(row);
        text.push('\n');
    }
    let mut end = len.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

fn benches(c: &mut Criterion) {
    let analyzer = Analyzer::new(&Options::default()).expect("default options are valid");
    let corpus = corpus();
    let corpus_bytes: usize = corpus.iter().map(String::len).sum();
    let post = text_of_len(&corpus, 3_000);
    let megabyte = text_of_len(&corpus, 1 << 20);

    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Bytes(corpus_bytes as u64));
    group.bench_function("dev corpus (1,138 comments)", |b| {
        b.iter(|| corpus.iter().map(|t| analyzer.analyze(black_box(t)).findings.len()).sum::<usize>())
    });
    group.throughput(Throughput::Bytes(post.len() as u64));
    group.bench_function("3,000-character post", |b| b.iter(|| analyzer.analyze(black_box(&post))));
    group.throughput(Throughput::Bytes(megabyte.len() as u64));
    group.sample_size(10);
    group.bench_function("1 MB", |b| b.iter(|| analyzer.analyze(black_box(&megabyte))));
    group.finish();
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Per-post latency percentiles and per-byte costs, which criterion does not print.
fn summary() {
    let analyzer = Analyzer::new(&Options::default()).expect("default options are valid");
    let corpus = corpus();
    let mut times = Vec::with_capacity(corpus.len() * 20);
    let started = Instant::now();
    for _ in 0..20 {
        for text in &corpus {
            let t = Instant::now();
            black_box(analyzer.analyze(black_box(text)));
            times.push(t.elapsed());
        }
    }
    let total = started.elapsed();
    times.sort_unstable();
    let corpus_bytes: usize = corpus.iter().map(String::len).sum::<usize>() * 20;
    let short_ns_per_byte = total.as_nanos() as f64 / corpus_bytes as f64;

    let time_of = |text: &str, rounds: u32| {
        let t = Instant::now();
        for _ in 0..rounds {
            black_box(analyzer.analyze(black_box(text)));
        }
        t.elapsed() / rounds
    };
    let post = text_of_len(&corpus, 3_000);
    let megabyte = text_of_len(&corpus, 1 << 20);
    let post_time = time_of(&post, 200);
    let mb_time = time_of(&megabyte, 5);
    let mb_ns_per_byte = mb_time.as_nanos() as f64 / megabyte.len() as f64;

    println!("\nsummary");
    println!("  dev corpus: {:.1} MB/s; per post p50 {:.1} µs, p99 {:.1} µs", 1e3 / short_ns_per_byte, micros(percentile(&times, 0.5)), micros(percentile(&times, 0.99)));
    println!("  3,000-character post: {:.1} µs ({:.1} MB/s)", micros(post_time), post.len() as f64 / post_time.as_secs_f64() / 1e6);
    println!("  1 MB: {:.1} ms ({:.1} MB/s)", mb_time.as_secs_f64() * 1e3, megabyte.len() as f64 / mb_time.as_secs_f64() / 1e6);
    println!("  cost per byte: short posts {short_ns_per_byte:.2} ns, 1 MB {mb_ns_per_byte:.2} ns (ratio {:.2})", mb_ns_per_byte / short_ns_per_byte);
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

criterion_group!(group, benches);

fn main() {
    group();
    Criterion::default().configure_from_args().final_summary();
    summary();
}

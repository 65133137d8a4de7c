//! Native figures for the domain core (issue 3): validation of the largest member list, and reading 39 branch
//! files. Prints a table; run with `cargo bench --bench domain`. Goals: < 1 ms and < 50 ms.

use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate};
use rectify::domain::file::export::export;
use rectify::domain::file::import::import;
use rectify::domain::list::validate::validate;
use rectify::domain::sample::{member_list, org_list};

/// Median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    let now = DateTime::parse_from_rfc3339("2024-06-01T09:30:00+08:00").unwrap();

    let big = member_list(1, "交警大队党支部", 40, 5, 3);
    let validate_big = median(51, || {
        std::hint::black_box(validate(&big, today));
    });

    let files: Vec<Vec<u8>> = (0..39)
        .map(|i| export(&org_list(i, &format!("第{i}党支部"), 17, 3), true, now).bytes)
        .collect();
    let bytes: usize = files.iter().map(Vec::len).sum();
    let read_39 = median(21, || {
        for file in &files {
            let imported = import(file).expect("sample files import");
            std::hint::black_box(validate(&imported.document, today));
        }
    });

    println!("| figure | median | goal |");
    println!("|---|---|---|");
    println!(
        "| validate 40 members × 5 problems × 3 measures ({} measures) | {:.3} ms | < 1 ms |",
        big.all_measures().count(),
        validate_big.as_secs_f64() * 1e3
    );
    println!(
        "| parse + validate 39 branch files × 51 measures ({} KB) | {:.2} ms | < 50 ms |",
        bytes / 1024,
        read_39.as_secs_f64() * 1e3
    );
}

//! Writes the bureau's simulated campaign (`domain::sample::campaign`) as the office's computer holds it: every
//! file handed in, for the browser tests and the benchmark.
//!
//!     cargo run --example campaign -- <out dir> [--today YYYY-MM-DD]
//!
//! Its `other/` holds the campaign's 调研问题清单, 成果转化清单 and 意见建议台账 (`sample::registers`).
//!
//! The campaign's eight weeks end on the Sunday before `today`'s week (today by default), so every file is in the
//! past and week 8 is "last week". Besides the files it writes `campaign.json`: the 应报送名单, the names the
//! office must join, the rename it must confirm, the file it must remove, week 8's dates, and what the 调度表 of week 8 must say as of `today`
//! (from the simulation's own record: each 党支部's columns, 本期报送, the silent ones and the 督办单's pages).

use chrono::{Datelike, Days, NaiveDate};
use rectify::domain::dates;
use rectify::domain::office::period::Period;
use rectify::domain::sample::campaign::*;
use serde_json::json;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| "target/campaign".to_string());
    // Today in UTC unless said (the browser tests pass the day their browser sees).
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    let mut today = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date") + Days::new(secs / 86_400);
    while let Some(a) = args.next() {
        if a == "--today" {
            today = args
                .next()
                .and_then(|d| dates::parse(&d))
                .expect("--today YYYY-MM-DD");
        }
    }
    let this_monday = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
    let start: NaiveDate = this_monday - Days::new(7 * WEEKS);
    let c = Campaign::new(start);
    let files = std::path::Path::new(&out).join("files");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&files).expect("can create the output folder");
    for h in &c.hand_ins {
        std::fs::write(files.join(&h.file_name), &h.bytes).expect("can write");
    }
    // The campaign's other lists (调研问题清单, 成果转化清单, 意见建议台账), exported in its third week.
    let other = std::path::Path::new(&out).join("other");
    std::fs::create_dir_all(&other).expect("can create the folder of the other lists");
    let exported_at = rectify::domain::dates::iso(c.friday(3));
    let when = chrono::DateTime::parse_from_rfc3339(&format!("{exported_at}T10:00:00+08:00"))
        .expect("a time");
    for r in rectify::domain::sample::registers::other_lists(start) {
        let made = rectify::domain::register::file::export(&r, true, when);
        std::fs::write(other.join(&made.file_name), &made.bytes).expect("can write");
    }
    let week = Period::week_of(c.friday(WEEKS));
    let rows: Vec<_> = (0..BRANCHES.len())
        .map(|b| {
            let t = c.truth(b, week, today);
            let reported = if t.new_file {
                "有新文件"
            } else if t.silent {
                "未报送进展"
            } else {
                "有进展记录"
            };
            json!({ "name": BRANCHES[b], "figures": t.figures, "reported": reported, "pressing": t.pressing })
        })
        .collect();
    let copy = c.hand_ins.iter().find(|h| h.copy).expect("a copy");
    let summary = json!({
        "today": dates::iso(today),
        "expected": BRANCHES.as_slice(),
        "join": { "name": FORMAL_NAME, "with": BRANCHES[GATHERED] },
        "renamed": { "name": NEW_NAME, "was": BRANCHES[RENAMED] },
        "copy": copy.file_name,
        "week": { "from": dates::iso(week.from), "to": dates::iso(week.to) },
        "rows": rows,
        "files": c.hand_ins.len(),
    });
    std::fs::write(
        std::path::Path::new(&out).join("campaign.json"),
        serde_json::to_string_pretty(&summary).expect("JSON"),
    )
    .expect("can write");
    println!(
        "{} files of the campaign ({} to {}) in {}",
        c.hand_ins.len(),
        dates::iso(start),
        dates::iso(week.to),
        files.display()
    );
}

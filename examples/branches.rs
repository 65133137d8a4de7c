//! Writes a set of branch files, as the central office receives them, for the consolidation tests and benchmark.
//!
//!     cargo run --example branches -- <out dir> <count> [--extras]
//!
//! Each branch hands in an org list of 17 problems × 3 measures (51 measures). With `--extras` the set also has
//! what real sets have: branch 1 handing in a revised list again, branch 2's file changed after export, and a Word
//! document that is not a list at all.

use chrono::DateTime;
use rectify::domain::file::export::export;
use rectify::domain::list::model::Status;
use rectify::domain::sample::org_list;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| "target/branches".to_string());
    let count: u32 = args.next().and_then(|n| n.parse().ok()).unwrap_or(39);
    let extras = args.any(|a| a == "--extras");
    std::fs::create_dir_all(&out).expect("can create the output folder");
    let now = DateTime::parse_from_rfc3339("2023-11-20T09:30:00+08:00").expect("a valid time");
    for i in 1..=count {
        let name = format!("第{i}党支部");
        let mut doc = org_list(i, &name, 17, 3);
        // Some progress, so the figures are not all zero: every branch has finished its first measures.
        for m in doc
            .problems
            .iter_mut()
            .take(i as usize % 5 + 1)
            .flat_map(|p| p.measures.iter_mut())
        {
            m.status = if matches!(m.deadline, rectify::domain::list::model::Deadline::LongTerm) {
                Status::PhasedLongTerm
            } else {
                Status::Done
            };
        }
        let exported = export(&doc, true, now);
        let path = format!("{out}/{name}-党组织清单.json");
        if extras && i == 2 {
            // Changed after export: the text no longer matches its digest.
            let text = String::from_utf8(exported.bytes).expect("exports are UTF-8");
            let changed = text.replacen(
                "结合工作实际谈体会不够",
                "结合工作实际谈体会不够（已改动）",
                1,
            );
            std::fs::write(&path, changed).expect("can write");
            continue;
        }
        std::fs::write(&path, &exported.bytes).expect("can write");
        if extras && i == 1 {
            // Handed in again after more work: the same list, a higher revision.
            let mut revised = exported.document.clone();
            revised.problems[16].measures[0].status = Status::InProgress;
            let again = export(&revised, true, now);
            std::fs::write(
                format!("{out}/{name}-党组织清单-第二次报送.json"),
                again.bytes,
            )
            .expect("can write");
        }
    }
    if extras {
        std::fs::write(
            format!("{out}/情况说明.docx"),
            b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml word/document.xml",
        )
        .expect("can write");
    }
    println!("{count} branch files in {out}");
}

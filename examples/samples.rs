//! Writes sample list files of any size, for the browser benchmarks and for trying the app on a big list.
//!
//!     cargo run --example samples -- <out dir>
//!
//! Writes `member-40x5x3.json` (600 measures), `org-1.json` (1 measure), `org-30.json` (30 problems), the big lists
//! `org-2000x3.json` (2,000 problems × 3 measures) and `member-200x5x3.json` (3,000 measures), and `personal/`: 40
//! members' own lists of 5 problems × 3 measures, for gathering.

use chrono::DateTime;
use rectify::domain::file::export::export;
use rectify::domain::sample::{member_list, org_list};

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/samples".to_string());
    std::fs::create_dir_all(&out).expect("can create the output folder");
    let now = DateTime::parse_from_rfc3339("2024-06-01T09:30:00+08:00").expect("a valid time");
    let files = [
        (
            "member-40x5x3.json",
            member_list(7, "中共××县公安局交警大队支部委员会", 40, 5, 3),
        ),
        (
            "org-1.json",
            org_list(8, "中共××县公安局交警大队支部委员会", 1, 1),
        ),
        (
            "org-30.json",
            org_list(9, "中共××县公安局交警大队支部委员会", 30, 2),
        ),
        (
            "org-2000x3.json",
            org_list(10, "中共××县公安局交警大队支部委员会", 2000, 3),
        ),
        (
            "member-200x5x3.json",
            member_list(11, "中共××县公安局交警大队支部委员会", 200, 5, 3),
        ),
    ];
    for (name, doc) in files {
        let path = format!("{out}/{name}");
        std::fs::write(&path, export(&doc, true, now).bytes).expect("can write the sample");
        println!("{path}");
    }
    // Forty members' own lists, as each member exports it.
    let personal = format!("{out}/personal");
    std::fs::create_dir_all(&personal).expect("can create the folder of personal lists");
    for i in 0..40u32 {
        let mut doc = member_list(100 + i, "中共××县公安局交警大队支部委员会", 1, 5, 3);
        doc.members[0].name = format!("党员{}", i + 1);
        let out = export(&doc, true, now);
        std::fs::write(format!("{personal}/{}", out.file_name), out.bytes)
            .expect("can write a personal list");
    }
}

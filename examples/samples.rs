//! Writes sample list files of any size, for the browser benchmarks and for trying the app on a big list.
//!
//!     cargo run --example samples -- <out dir>
//!
//! Writes `member-40x5x3.json` (600 measures), `org-1.json` (1 measure) and `org-30.json` (30 problems).

use chrono::DateTime;
use rectify::domain::export::export;
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
    ];
    for (name, doc) in files {
        let path = format!("{out}/{name}");
        std::fs::write(&path, export(&doc, true, now).bytes).expect("can write the sample");
        println!("{path}");
    }
}

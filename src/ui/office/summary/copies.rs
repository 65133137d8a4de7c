//! Lists made on another 党支部's file: a file carrying the id of another 党支部's list, under its own 党支部's
//! name. Counted apart (`domain::consolidate`'s lines) and asked about here: another 党支部's indeed (分开统计,
//! asked no more), or the same 党支部 under a new name (合并为同一党支部, then the newer file supersedes).

use yew::prelude::*;

use super::Made;
use crate::domain::office::summary_page::Event as Settings;
use crate::ui::shared::Shared;

/// What is asked of one 党支部 whose lists carry another 党支部's list ids.
#[derive(Default)]
struct Asked {
    name: String,
    owner: String,
    /// The latest of its files, to name.
    latest: String,
    files: usize,
    /// The line ids its lists are counted under.
    lines: Vec<String>,
}

#[derive(Properties, PartialEq)]
pub struct CopiesProps {
    pub made: Shared<Made>,
    pub on_change: Callback<Settings>,
}

#[function_component(Copies)]
pub fn copies(props: &CopiesProps) -> Html {
    // One question per 党支部 whose lists were made on another's files, however many files and lists.
    let mut asked: Vec<Asked> = Vec::new();
    for s in &props.made.consolidation.submissions {
        let (Some(copy), Some(doc)) = (s.copy_of.as_ref(), s.document.as_ref()) else {
            continue;
        };
        let name = doc.header.org_name.trim().to_string();
        let at = asked
            .iter()
            .position(|a| a.name == name && a.owner == copy.branch);
        let a = match at {
            Some(at) => &mut asked[at],
            None => {
                asked.push(Asked {
                    name,
                    owner: copy.branch.clone(),
                    ..Asked::default()
                });
                asked.last_mut().expect("just pushed")
            }
        };
        a.latest = s.file_name.clone();
        a.files += 1;
        if !a.lines.contains(&doc.id) {
            a.lines.push(doc.id.clone());
        }
    }
    if asked.is_empty() {
        return html! {};
    }
    html! {
        <section class="copies no-print" aria-labelledby="copies-heading">
            <h2 id="copies-heading">{ "需要核实：清单编号与其他党支部的相同" }</h2>
            <ul>
                { for asked.into_iter().map(|Asked { name, owner, latest: file, files, lines }| {
                    let distinct = props.on_change.reform(move |_: MouseEvent| Settings::Distinct(lines.clone()));
                    let join = {
                        let (name, owner) = (name.clone(), owner.clone());
                        props.on_change.reform(move |_: MouseEvent| Settings::Join { name: name.clone(), with: owner.clone() })
                    };
                    html! {
                        <li>
                            <p>{ if files > 1 { format!("“{name}”报送的{files}个文件（最新的是“{file}”）") } else { format!("“{file}”是“{name}”的清单，但它") } }
                                { format!("的清单编号与“{owner}”报送的清单相同：多半是{name}用{owner}报送的文件做模板填写的，也可能是{owner}改了名称。现在按两个党支部分开统计，{owner}的清单不受影响。") }</p>
                            <div class="button-row">
                                <button type="button" onclick={distinct} aria-label={format!("{name}是另一个党支部，分开统计")}>{ "是另一个党支部，分开统计" }</button>
                                <button type="button" onclick={join} aria-label={format!("{name}是{owner}改了名称")}>{ format!("是{owner}改了名称") }</button>
                            </div>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

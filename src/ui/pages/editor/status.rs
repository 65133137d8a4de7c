//! How far the list is, and whether it is saved: re-rendered on its own when the session says so.

use yew::prelude::*;

use crate::ui::session::{SessionHandle, Status};
use crate::ui::web::clock;

/// After this many saves without an export, the user is reminded that the browser is not a backup.
const EXPORT_REMINDER: u32 = 30;

#[function_component(StatusBar)]
pub fn status_bar() -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    let status = use_state(Status::default);
    {
        let status = status.clone();
        use_effect_with(session, move |session| {
            let setter = status.setter();
            let (now, subscription) = session.listen_status(Callback::from(move |s| setter.set(s)));
            status.set(now);
            move || drop(subscription)
        });
    }
    let p = status.progress;
    html! {
        <div class="status-bar">
            <div class="progress">
                <label for="completeness">{ "完成度" }</label>
                <progress id="completeness" max={p.required.max(1).to_string()} value={p.filled.to_string()}
                    aria-valuetext={format!("必填内容已填{}项，共{}项", p.filled, p.required)} />
                <span>{ format!("必填内容 {}/{}（{}%）", p.filled, p.required, p.percent()) }</span>
            </div>
            if status.counts_shown {
                <p class="counts">
                    { if status.errors == 0 { "没有错误".to_string() } else { format!("{}个错误", status.errors) } }
                    { " · " }
                    { format!("{}个提醒待看", status.warnings) }
                </p>
            }
            if status.unexported >= EXPORT_REMINDER {
                <p class="notice warning">{ format!("自上次导出后已自动保存了{}次修改。建议点“导出JSON”另存一份到U盘或文件夹，以防浏览器数据被清理。", status.unexported) }</p>
            }
            if let Some(refused) = &status.refused {
                <p class="notice error" role="alert">{ refused }</p>
            }
            if let Some(error) = &status.backup_error {
                <p class="notice error" role="alert">{ error }</p>
            }
            if let Some(error) = &status.save_error {
                <p class="notice error" role="alert">{ error }</p>
            } else {
                <p class="saved">{ if status.saved_at.is_empty() { String::new() } else { format!("已自动保存到本机 {}", clock::local_time_text(&status.saved_at)) } }</p>
            }
        </div>
    }
}

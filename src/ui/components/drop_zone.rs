//! A file button that takes several files, and the zone around it that takes files dropped on it: 汇总's 导入文件
//! and the branch's 收集党员清单. A plain function (a component costs about 1 KB of wasm of its own).

use yew::prelude::*;

use crate::ui::web::files;

/// The button `label` (its input's accessible name), `hint` beside it, and `on_files` told of the files chosen or
/// dropped. The input is emptied after each choice, so the same file can be chosen again.
pub fn drop_zone(
    label: &'static str,
    hint: &'static str,
    on_files: Callback<Vec<web_sys::File>>,
) -> Html {
    let on_pick = {
        let on_files = on_files.clone();
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                let list = files::from_list(input.files());
                input.set_value("");
                on_files.emit(list);
            }
        })
    };
    let on_drop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        on_files.emit(files::from_list(e.data_transfer().and_then(|d| d.files())));
    });
    html! {
        <div class="drop-zone" ondrop={on_drop} ondragover={Callback::from(|e: DragEvent| e.prevent_default())}>
            <label class="file-button">
                <input type="file" multiple=true accept=".json,application/json" onchange={on_pick} />
                <span>{ label }</span>
            </label>
            <span class="muted">{ hint }</span>
        </div>
    }
}

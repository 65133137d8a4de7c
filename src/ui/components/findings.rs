//! A field's findings: how a field hears of them, and how they are shown under it.

use yew::prelude::*;

use crate::domain::list::findings::{Finding, Severity};
use crate::ui::dom;
use crate::ui::session::SessionHandle;

/// The findings the field of `path` should show now; updated when the session tells it, and only then.
#[hook]
pub fn use_findings(path: &str) -> Vec<Finding> {
    let session = use_context::<SessionHandle>().expect("fields live inside an editor session");
    let shown = use_state(Vec::<Finding>::new);
    {
        let shown = shown.clone();
        use_effect_with((path.to_string(), session), move |(path, session)| {
            let setter = shown.setter();
            let (current, subscription) =
                session.subscribe(path, Callback::from(move |f| setter.set(f)));
            shown.set(current);
            move || drop(subscription)
        });
    }
    (*shown).clone()
}

/// `aria-invalid` of a field: true only for errors (a warning is worth a look, not invalid).
pub fn invalid(findings: &[Finding]) -> &'static str {
    if findings.iter().any(|f| f.severity == Severity::Error) {
        "true"
    } else {
        "false"
    }
}

/// `aria-describedby`: the hint, when there is one, and the message.
pub fn described_by(path: &str, has_hint: bool) -> String {
    if has_hint {
        format!("{} {}", dom::hint_id(path), dom::message_id(path))
    } else {
        dom::message_id(path)
    }
}

/// The messages under a field; errors and warnings look different and say which they are in words. A plain
/// function: the field around it already re-renders only when its findings change.
pub fn messages(path: &str, findings: &[Finding]) -> Html {
    html! {
        <div id={dom::message_id(path)} class="field-messages" aria-live="polite">
            { for findings.iter().map(|f| {
                let class = match f.severity { Severity::Error => "msg error", Severity::Warning => "msg warning" };
                let kept = f.acknowledged.as_ref().map(|r| html! { <span class="kept">{ format!("（已保留：{r}）") }</span> });
                html! {
                    <p class={class}>
                        <span class="msg-kind">{ f.severity.label() }{ "：" }</span>{ &f.message }{ for kept }
                    </p>
                }
            }) }
        </div>
    }
}

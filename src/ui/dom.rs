//! DOM ids derived from finding paths, so a link in 检查结果 and the field it names always agree.

/// `f-` and the path with every character that is not a letter, digit or `-` replaced by `-`.
pub fn field_id(path: &str) -> String {
    let mut id = String::with_capacity(path.len() + 2);
    id.push_str("f-");
    id.extend(path.chars().map(|c| {
        if c.is_ascii_alphanumeric() || c == '-' {
            c
        } else {
            '-'
        }
    }));
    id
}

/// The id of the message under a field.
pub fn message_id(path: &str) -> String {
    format!("{}-msg", field_id(path))
}

/// The id of the hint under a field.
pub fn hint_id(path: &str) -> String {
    format!("{}-hint", field_id(path))
}

/// Moves focus to the field of `path` (or the first focusable thing inside it); false when it is not on the page.
pub fn focus(path: &str) -> bool {
    let document = gloo::utils::document();
    let Some(element) = document.get_element_by_id(&field_id(path)) else {
        return false;
    };
    let target = if element
        .matches("input, textarea, select, button, a[href]")
        .unwrap_or(false)
    {
        Some(element)
    } else {
        element
            .query_selector("input, textarea, select, button")
            .ok()
            .flatten()
    };
    show_and_focus(target)
}

/// Scrolls `element` into view and focuses it; false when there is none or it cannot take focus.
fn show_and_focus(element: Option<web_sys::Element>) -> bool {
    use wasm_bindgen::JsCast;
    match element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(el) => {
            el.scroll_into_view();
            el.focus().is_ok()
        }
        None => false,
    }
}

/// Focuses the control of this id when it is on the page and not disabled, scrolled to the middle of the screen
/// (a card moved by 上移/下移 may have gone thousands of pixels); false otherwise.
pub fn focus_enabled(id: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(el) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    if el.has_attribute("disabled") {
        return false;
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"block".into(), &"center".into());
    if let Ok(scroll) = js_sys::Reflect::get(&el, &"scrollIntoView".into()) {
        if let Some(scroll) = scroll.dyn_ref::<js_sys::Function>() {
            let _ = scroll.call1(&el, &options);
        }
    }
    el.focus().is_ok()
}

/// Moves focus to the element of this id (a heading with `tabindex="-1"`, a button), scrolled into view: what a
/// screen reader reads next and where the eye lands when a view changes. False when it is not on the page.
pub fn focus_id(id: &str) -> bool {
    show_and_focus(gloo::utils::document().get_element_by_id(id))
}

/// Puts `value` into the input or text area of `element` (nothing when it is not one, or not mounted).
pub fn set_value(element: &yew::NodeRef, value: &str) {
    if let Some(area) = element.cast::<web_sys::HtmlTextAreaElement>() {
        area.set_value(value);
    } else if let Some(input) = element.cast::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    }
}

/// The text of the input, text area or select an event came from ("" for anything else).
pub fn value_of(target: Option<web_sys::EventTarget>) -> String {
    use wasm_bindgen::JsCast;
    let Some(target) = target else {
        return String::new();
    };
    if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return area.value();
    }
    if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        return select.value();
    }
    target
        .dyn_ref::<web_sys::HtmlInputElement>()
        .map(|input| input.value())
        .unwrap_or_default()
}

/// The value of a date input, telling the session whether the browser could read what was typed there: a day
/// that does not exist (2月30日) leaves the value empty with `validity.badInput` set.
pub fn date_input(
    target: Option<web_sys::EventTarget>,
    session: &crate::ui::session::SessionHandle,
    path: &str,
) -> String {
    use wasm_bindgen::JsCast;
    let Some(input) = target.and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
        return String::new();
    };
    session.set_unreadable(path, input.validity().bad_input());
    input.value()
}

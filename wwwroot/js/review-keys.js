// Keyboard-first review: keys go to the review page unless the reviewer is typing in a field.
const handled = new Set(["j", "k", "n", "p", "c", "y", "x", "e", "u", "?", "Escape"]);
let listener = null;

export function attach(page) {
    detach();
    listener = (event) => {
        if (event.ctrlKey || event.metaKey || event.altKey) return;
        const target = event.target;
        const typing = target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
        if (typing && event.key !== "Escape") return;
        if (!handled.has(event.key)) return;
        event.preventDefault();
        page.invokeMethodAsync("OnKeyAsync", event.key);
    };
    document.addEventListener("keydown", listener);
    // Says the keys are live: until the circuit has attached this, a key press would be lost.
    document.body.dataset.reviewKeys = "on";
}

export function detach() {
    if (listener) document.removeEventListener("keydown", listener);
    listener = null;
    delete document.body.dataset.reviewKeys;
}

export function scrollIntoView(id) {
    const element = document.getElementById(id);
    if (element) element.scrollIntoView({ block: "nearest", behavior: "smooth" });
}

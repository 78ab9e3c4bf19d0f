// Keyboard-driven review of one document's queue. Text from the document is never inserted
// as HTML here: messages go through textContent.
(function () {
  "use strict";
  const body = document.body;
  const doc = body.dataset.doc;
  if (!doc) return;
  const items = Array.from(document.querySelectorAll("li.item"));
  const error = document.getElementById("error");
  const position = document.getElementById("position");
  let cur = Math.min(Number(body.dataset.at || 0), Math.max(items.length - 1, 0));

  function show(i) {
    if (!items.length) return;
    cur = (i + items.length) % items.length;
    items.forEach((el, j) => el.classList.toggle("current", j === cur));
    document.querySelectorAll("td.cell.focus").forEach((td) => td.classList.remove("focus"));
    const path = items[cur].dataset.path;
    if (path) {
      const td = document.querySelector(`td.cell[data-path="${CSS.escape(path)}"]`);
      if (td) { td.classList.add("focus"); td.scrollIntoView({ block: "nearest" }); }
    }
    items[cur].scrollIntoView({ block: "nearest" });
    if (position) position.textContent = `item ${cur + 1} of ${items.length} in the queue`;
  }

  function fail(message) {
    error.textContent = message;
    error.hidden = false;
  }

  async function post(url, payload) {
    const r = await fetch(url, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload),
    });
    const answer = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
    if (!r.ok) { fail(answer.error || `HTTP ${r.status}`); return false; }
    return true;
  }

  function reload() {
    window.location.replace(`/doc/${encodeURIComponent(doc)}?at=${cur}`);
  }

  async function decide(action, value) {
    if (!items.length) return;
    const it = items[cur];
    if (it.dataset.keepOnly === "yes" && action !== "keep") {
      fail("a finding about the whole document can only be kept (k)");
      return;
    }
    if (await post(`/doc/${encodeURIComponent(doc)}/decide`, { item_id: it.dataset.id, action, value })) reload();
  }

  async function undo() {
    if (await post(`/doc/${encodeURIComponent(doc)}/undo`, {})) reload();
  }

  function input() { return items.length ? items[cur].querySelector("input.value-input") : null; }

  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target instanceof HTMLInputElement) {
      if (e.key === "Enter") { e.preventDefault(); decide("value", e.target.value); }
      else if (e.key === "Escape") { e.target.blur(); }
      return;
    }
    const keys = {
      a: () => decide("accept"), b: () => decide("blank"), k: () => decide("keep"),
      s: () => show(cur + 1), j: () => show(cur + 1), ArrowDown: () => show(cur + 1),
      p: () => show(cur - 1), ArrowUp: () => show(cur - 1), u: () => undo(),
      v: () => { const el = input(); if (el) el.focus(); },
      Enter: () => { const el = input(); if (el) el.focus(); },
    };
    const run = keys[e.key];
    if (run) { e.preventDefault(); error.hidden = true; run(); }
  });

  items.forEach((el, j) => {
    el.addEventListener("click", () => { if (j !== cur) show(j); });
    el.querySelectorAll("button[data-action]").forEach((b) => b.addEventListener("click", (e) => {
      e.stopPropagation();
      show(j);
      const action = b.dataset.action;
      if (action === "skip") show(j + 1); else decide(action);
    }));
  });
  document.querySelectorAll("td.cell.queued").forEach((td) => td.addEventListener("click", () => {
    const j = items.findIndex((el) => el.dataset.id === td.dataset.item);
    if (j >= 0) show(j);
  }));
  show(cur);
})();

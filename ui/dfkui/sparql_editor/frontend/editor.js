// YASQE inside a Streamlit component, speaking the component protocol by hand (no build step).
// The value sent back is {text, run, revision}: `run` is a fresh token at each Ctrl+Enter (so the page runs the
// query once per press, even across reloads of this frame), `revision` says which text the page last put into
// the editor, so that the page can tell a stale edit from the current one.
(function () {
  "use strict";
  var editor = null;
  var revision = null;
  var run = null;
  var pending = null;

  function post(type, extra) {
    var message = { isStreamlitMessage: true, type: type };
    for (var k in extra) message[k] = extra[k];
    window.parent.postMessage(message, "*");
  }

  function send() {
    if (pending) { clearTimeout(pending); pending = null; }
    post("streamlit:setComponentValue", { value: { text: editor.getValue(), run: run, revision: revision }, dataType: "json" });
  }

  var height = 0;
  function fitHeight() {
    // The body's own height, not the document's: that one is at least the frame's, and would only ever grow.
    var wanted = Math.ceil(document.body.getBoundingClientRect().height) + 4;
    if (wanted !== height) { height = wanted; post("streamlit:setFrameHeight", { height: height }); }
  }

  // Completers that read the knowledge graph's own prefixes and terms (passed in by the page) instead of
  // prefix.cc and Linked Open Vocabularies: nothing leaves the machine.
  function registerCompleters(args) {
    var own = Object.keys(args.prefixes).sort().map(function (p) { return p + ": <" + args.prefixes[p] + ">"; });
    var bundled = Yasqe.Autocompleters.prefixes.get;
    Yasqe.forkAutocompleter("prefixes", {
      name: "graphPrefixes",
      persistenceId: null,
      get: function (yasqe) {
        return bundled(yasqe).then(function (list) {
          var mine = {};
          own.forEach(function (p) { mine[p.split(":")[0]] = true; });
          return own.concat(list.filter(function (p) { return !mine[p.split(":")[0]]; }));
        });
      }
    }, false);
    function local(iris) {
      return function (yasqe, token) {
        var start = (token && token.autocompletionString) || "";
        return Promise.resolve(iris.filter(function (iri) { return iri.indexOf(start) === 0; }).slice(0, 100));
      };
    }
    Yasqe.forkAutocompleter("property", { name: "graphProperties", get: local(args.properties) }, false);
    Yasqe.forkAutocompleter("class", { name: "graphClasses", get: local(args.classes) }, false);
  }

  function start(args) {
    registerCompleters(args);
    document.getElementById("hint").textContent = args.hint || "";
    editor = new Yasqe(document.getElementById("editor"), {
      value: args.value,
      editorHeight: args.height + "px",
      resizeable: true,
      showQueryButton: false,
      persistenceId: null,          // the page, not the browser's storage, holds the query
      consumeShareLink: null,       // the iframe's own URL is not the page's
      createShareableLink: null,
      prefixCcApi: null,            // use the bundled prefix list, never prefix.cc
      autocompleters: ["variables", "graphPrefixes", "graphProperties", "graphClasses"],
      requestConfig: { endpoint: "" }
    });
    // Ctrl/Cmd+Enter and any other way YASQE would send the query itself: hand it to the page instead.
    function runQuery() { run = Date.now() + "-" + Math.random().toString(36).slice(2); send(); return Promise.resolve(); }
    editor.query = runQuery;
    editor.addKeyMap({ "Ctrl-Enter": runQuery, "Cmd-Enter": runQuery });
    editor.on("change", function () {
      if (pending) clearTimeout(pending);
      pending = setTimeout(send, 600);
    });
    editor.on("blur", function () { if (pending) send(); });
    editor.getWrapperElement().setAttribute("data-testid", "sparql-editor");
    window.dfkEditor = editor;  // for the browser tests and the console
    if (window.ResizeObserver) new ResizeObserver(fitHeight).observe(document.body);
    fitHeight();
  }

  window.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.type !== "streamlit:render") return;
    var args = data.args || {};
    if (!editor) {
      start(args);
      revision = args.revision;
    } else if (args.revision !== revision) {
      revision = args.revision;
      editor.setValue(args.value);
      if (pending) { clearTimeout(pending); pending = null; }
    }
    fitHeight();
  });

  post("streamlit:componentReady", { apiVersion: 1 });
})();

"use strict";
(function () {
  var endpoint = new URL("sparql", document.baseURI).href;
  // Offline: no autocompleter that calls an outside vocabulary service.
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } }
  });
  fetch("queries.json").then(function (r) { return r.json(); }).then(function (queries) {
    var first = Object.keys(yasgui._tabs || {});
    queries.forEach(function (q, i) {
      yasgui.addTab(i === 0, { name: q.name, yasqe: { value: q.query },
                               requestConfig: { endpoint: endpoint, method: "POST" } });
    });
    first.forEach(function (id) { var tab = yasgui.getTab(id); if (tab) { tab.close(); } });
  });
})();

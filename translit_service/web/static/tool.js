// The transliteration tool (no inline script: the page's CSP forbids it).
// Copy buttons say what they did in a live region (screen readers announce it); the switcher
// keeps the reader's text: with text in the box, it sends the form again in the chosen variant.
(function () {
  var status = document.getElementById("tool-status");
  document.querySelectorAll("button.copy").forEach(function (button) {
    button.addEventListener("click", function () {
      var field = document.getElementById(button.dataset.target);
      var label = button.textContent;
      var done = function () {
        button.textContent = button.dataset.done;
        if (status) { status.textContent = button.dataset.done; }
        setTimeout(function () {
          button.textContent = label;
          if (status) { status.textContent = ""; }
        }, 1500);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () {
          field.select(); document.execCommand("copy"); done();
        });
      } else {
        field.select(); document.execCommand("copy"); done();
      }
    });
  });
  var form = document.querySelector("form.tool");
  var text = document.getElementById("text");
  document.querySelectorAll(".switcher a[hreflang]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (!form || !text || !text.value) { return; }
      event.preventDefault();
      form.action = "/tool?lang=" + encodeURIComponent(link.getAttribute("hreflang"));
      form.submit();
    });
  });
})();

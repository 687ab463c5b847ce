// reCAPTCHA v3 on the appointment form: asks Google for a token as the form is sent.
// If Google's script is missing (blocked, offline) or slow, the form is sent without a token:
// the request is then kept and flagged for staff, never lost.
(function () {
  "use strict";
  var form = document.querySelector("form[data-recaptcha-v3]");
  if (!form) {
    return;
  }
  var tokenInput = form.querySelector("input[name=captcha]");
  var key = form.getAttribute("data-recaptcha-key");
  var action = form.getAttribute("data-recaptcha-action");
  var waiting = false;

  form.addEventListener("submit", function (event) {
    if (waiting || !tokenInput || !window.grecaptcha || !window.grecaptcha.ready) {
      return; // send it as it is
    }
    event.preventDefault();
    waiting = true;
    var sent = false;
    var send = function () {
      if (!sent) {
        sent = true;
        form.submit();
      }
    };
    window.setTimeout(send, 5000);
    window.grecaptcha.ready(function () {
      window.grecaptcha.execute(key, { action: action }).then(function (token) {
        tokenInput.value = token;
        send();
      }, send);
    });
  });
})();

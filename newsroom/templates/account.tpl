{{%AUTOESCAPE context="HTML"}}{{>HEAD}}<main id="main" class="panel">
<h1>{{T_ACCOUNT_TITLE}}</h1>
<p class="who">{{SIGNED_IN_AS}}</p>
{{#DONE}}<p class="notice notice--done" role="status">{{DONE_TEXT}}</p>
{{/DONE}}<h2>{{T_TWO_STEP_TITLE}}</h2>
{{#ERROR}}<p class="notice notice--error" id="code-error" role="alert">{{MESSAGE}}</p>
{{/ERROR}}{{#OFF}}<p>{{T_TWO_STEP_OFF}}</p>
<form class="form" method="post" action="/newsroom/account/two-step/start">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<p><button class="button" type="submit">{{T_TWO_STEP_START}}</button></p>
</form>
{{/OFF}}{{#SETUP}}<ol class="steps">
<li><p>{{T_TWO_STEP_SCAN}}</p>
<img class="qr" src="/newsroom/account/two-step/code.svg" alt="{{T_TWO_STEP_QR_ALT}}" width="220" height="220"></li>
<li><p>{{T_TWO_STEP_TYPE_KEY}}</p>
<p class="key" dir="ltr"><code>{{KEY_TEXT}}</code></p></li>
<li><form class="form" method="post" action="/newsroom/account/two-step/confirm" novalidate>
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<p class="field"><label for="code">{{T_TWO_STEP_CONFIRM_CODE}}</label>
<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required dir="ltr"{{#ERROR}} aria-describedby="code-error" aria-invalid="true"{{/ERROR}}></p>
<p><button class="button" type="submit">{{T_TWO_STEP_CONFIRM}}</button></p>
</form></li>
</ol>
{{/SETUP}}{{#ON}}<p>{{T_TWO_STEP_ON}}</p>
<form class="form" method="post" action="/newsroom/account/two-step/remove" novalidate>
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<p class="field"><label for="code">{{T_TWO_STEP_REMOVE_CODE}}</label>
<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required dir="ltr"{{#ERROR}} aria-describedby="code-error" aria-invalid="true"{{/ERROR}}></p>
<p><button class="button button--quiet" type="submit">{{T_TWO_STEP_REMOVE}}</button></p>
</form>
{{/ON}}<h2>{{T_TOKENS_TITLE}}</h2>
<p>{{T_TOKENS_HINT}}</p>
{{#MADE}}<div class="notice notice--done" role="status"><p>{{T_TOKEN_MADE}}</p>
<p class="key" dir="ltr"><code>{{NEW_TOKEN}}</code></p></div>
{{/MADE}}{{#NO_TOKENS}}<p>{{T_NO_TOKENS}}</p>
{{/NO_TOKENS}}<ul class="tokens">
{{#TOKEN}}<li><strong>{{TOKEN_NAME}}</strong> · {{T_TOKEN_MADE_ON}} <time dir="ltr">{{TOKEN_MADE}}</time> · {{T_TOKEN_LAST_USED}} <span dir="ltr">{{TOKEN_USED}}</span>
{{#REVOKED}} · {{T_TOKEN_IS_REVOKED}}{{/REVOKED}}{{#ACTIVE}}<form class="form form--inline" method="post" action="/newsroom/account/tokens/revoke">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}"><input type="hidden" name="token" value="{{TOKEN_ID}}">
<button class="button button--quiet" type="submit">{{T_TOKEN_REVOKE}}</button></form>{{/ACTIVE}}</li>
{{/TOKEN}}</ul>
<form class="form" method="post" action="/newsroom/account/tokens">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<p class="field"><label for="token-name">{{T_TOKEN_NAME}}</label>
<input id="token-name" name="name" type="text" maxlength="80" autocomplete="off"></p>
<p><button class="button" type="submit">{{T_TOKEN_MAKE}}</button></p>
</form>
<p><a href="/newsroom/">{{T_BACK_TO_DESK}}</a></p>
</main>
</body>
</html>

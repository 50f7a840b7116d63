{{%AUTOESCAPE context="HTML"}}{{>HEAD}}<main id="main" class="panel">
<h1>{{T_CODE_TITLE}}</h1>
<p id="code-hint">{{T_CODE_HINT}}</p>
{{#ERROR}}<p class="notice notice--error" id="code-error" role="alert">{{MESSAGE}}</p>
{{/ERROR}}<form class="form" method="post" action="/newsroom/login/code" novalidate>
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<p class="field"><label for="code">{{T_CODE}}</label>
<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required dir="ltr" aria-describedby="code-hint{{#ERROR}} code-error{{/ERROR}}"{{#ERROR}} aria-invalid="true"{{/ERROR}}></p>
<p><button class="button" type="submit">{{T_SIGN_IN}}</button></p>
</form>
<p><a href="/newsroom/login">{{T_BACK_TO_SIGN_IN}}</a></p>
</main>
</body>
</html>

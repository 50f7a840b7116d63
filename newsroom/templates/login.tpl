{{%AUTOESCAPE context="HTML"}}{{>HEAD}}<main id="main" class="panel">
<h1>{{T_SIGN_IN_TITLE}}</h1>
{{#ERROR}}<p class="notice notice--error" id="sign-in-error" role="alert">{{MESSAGE}}</p>
{{/ERROR}}<form class="form" method="post" action="/newsroom/login" novalidate>
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<p class="field"><label for="email">{{T_EMAIL}}</label>
<input id="email" name="email" type="email" autocomplete="username" required dir="ltr" value="{{EMAIL}}"{{#ERROR}} aria-describedby="sign-in-error" aria-invalid="true"{{/ERROR}}></p>
<p class="field"><label for="password">{{T_PASSWORD}}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required{{#ERROR}} aria-describedby="sign-in-error" aria-invalid="true"{{/ERROR}}></p>
<p><button class="button" type="submit">{{T_SIGN_IN}}</button></p>
</form>
</main>
</body>
</html>

{{%AUTOESCAPE context="HTML"}}{{>HEAD}}<main id="main" class="panel">
<h1>{{T_DESK_TITLE}}</h1>
<p class="who">{{SIGNED_IN_AS}}</p>
{{#WRITES}}<p><a class="button" href="/newsroom/articles">{{T_ARTICLES_TITLE}}</a> <a class="button button--quiet" href="/newsroom/articles/new">{{T_NEW_ARTICLE}}</a> <a class="button button--quiet" href="/newsroom/wires">{{T_WIRES_TITLE}}</a></p>
{{/WRITES}}{{#ARRANGES}}<p><a class="button button--quiet" href="/newsroom/front">{{T_DESK_FRONT}}</a></p>
{{/ARRANGES}}{{#MODERATES}}<p><a class="button button--quiet" href="/newsroom/comments">{{T_COMMENTS_TITLE}}</a></p>
{{/MODERATES}}{{#AUDITS}}<p><a class="button button--quiet" href="/newsroom/audit">{{T_AUDIT_TITLE}}</a> <a class="button button--quiet" href="/newsroom/sites">{{T_SITES_TITLE}}</a></p>
{{/AUDITS}}<p><a href="/newsroom/account">{{T_ACCOUNT_LINK}}</a></p>
<p class="hint">{{T_DESK_COMING}}</p>
<form class="form form--inline" method="post" action="/newsroom/logout">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<button class="button" type="submit">{{T_SIGN_OUT}}</button>
</form>
<form class="form form--inline" method="post" action="/newsroom/logout-everywhere">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<button class="button button--quiet" type="submit" aria-describedby="everywhere-hint">{{T_SIGN_OUT_EVERYWHERE}}</button>
<span class="hint" id="everywhere-hint">{{T_SIGN_OUT_EVERYWHERE_HINT}}</span>
</form>
</main>
</body>
</html>

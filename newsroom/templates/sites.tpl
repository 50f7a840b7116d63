{{%AUTOESCAPE context="HTML"}}{{>HEAD}}<main id="main" class="panel">
<p><a href="/newsroom/">{{T_BACK_TO_DESK}}</a></p>
<h1>{{T_SITES_TITLE}}</h1>
<p class="hint">{{T_SITES_HINT}}</p>
{{#DONE}}<p class="notice notice--done" role="status">{{DONE_TEXT}}</p>
{{/DONE}}{{#SITE}}<section class="site-settings" aria-labelledby="site-{{SLUG}}">
<h2 id="site-{{SLUG}}"><bdi>{{NAME}}</bdi></h2>
{{#ERROR}}<p class="notice notice--error" id="error-{{SLUG}}" role="alert">{{MESSAGE}}</p>
{{/ERROR}}<form class="form" method="post" action="/newsroom/sites/{{SLUG}}" novalidate>
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<p class="field field--check"><input id="open-{{SLUG}}" name="comments_open" type="checkbox" value="1"{{#OPEN}} checked{{/OPEN}}> <label for="open-{{SLUG}}">{{T_SITE_COMMENTS_OPEN}}</label></p>
<p class="field"><label for="days-{{SLUG}}">{{T_SITE_CLOSE_AFTER_DAYS}}</label>
<input id="days-{{SLUG}}" name="close_after_days" type="number" inputmode="numeric" min="0" max="3650" value="{{CLOSE_AFTER_DAYS}}" required dir="ltr" aria-describedby="days-hint-{{SLUG}}{{#INVALID_CLOSE_AFTER_DAYS}} error-{{SLUG}}{{/INVALID_CLOSE_AFTER_DAYS}}"{{#INVALID_CLOSE_AFTER_DAYS}} aria-invalid="true"{{/INVALID_CLOSE_AFTER_DAYS}}>
<span class="hint" id="days-hint-{{SLUG}}">{{T_SITE_CLOSE_AFTER_DAYS_HINT}}</span></p>
<fieldset class="limits">
<legend>{{T_SITE_LIMITS}}</legend>
<p class="field"><label for="name-{{SLUG}}">{{T_SITE_MAX_NAME}}</label>
<input id="name-{{SLUG}}" name="max_name" type="number" inputmode="numeric" min="1" max="100000" value="{{MAX_NAME}}" required dir="ltr"{{#INVALID_MAX_NAME}} aria-describedby="error-{{SLUG}}" aria-invalid="true"{{/INVALID_MAX_NAME}}></p>
<p class="field"><label for="title-{{SLUG}}">{{T_SITE_MAX_TITLE}}</label>
<input id="title-{{SLUG}}" name="max_title" type="number" inputmode="numeric" min="1" max="100000" value="{{MAX_TITLE}}" required dir="ltr"{{#INVALID_MAX_TITLE}} aria-describedby="error-{{SLUG}}" aria-invalid="true"{{/INVALID_MAX_TITLE}}></p>
<p class="field"><label for="comment-{{SLUG}}">{{T_SITE_MAX_COMMENT}}</label>
<input id="comment-{{SLUG}}" name="max_comment" type="number" inputmode="numeric" min="1" max="100000" value="{{MAX_COMMENT}}" required dir="ltr"{{#INVALID_MAX_COMMENT}} aria-describedby="error-{{SLUG}}" aria-invalid="true"{{/INVALID_MAX_COMMENT}}></p>
</fieldset>
<p><button class="button" type="submit">{{T_SITE_SAVE}}</button></p>
</form>
</section>
{{/SITE}}</main>
</body>
</html>

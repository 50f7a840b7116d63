{{%AUTOESCAPE context="HTML"}}{{>HEAD}}<main id="main" class="panel panel--wide">
<p><a href="/newsroom/articles/{{ID}}">{{T_BACK_TO_STORY}}</a></p>
<h1>{{HEADING}}</h1>
{{#LIST}}<ol class="revisions" reversed>
{{#ITEM}}<li><a href="/newsroom/articles/{{ID}}/revisions/{{REVISION}}">{{LINE}}</a> <span class="badge badge--{{STATUS}}">{{STATUS_LABEL}}</span></li>
{{/ITEM}}</ol>
{{/LIST}}{{#ONE}}<p class="hint">{{LINE}}</p>
<div class="read-only" lang="{{CONTENT_LANG}}" dir="{{CONTENT_DIR}}">
<p class="preview__headline">{{HEADLINE}}</p>
{{#STANDFIRST}}<p class="preview__standfirst">{{TEXT}}</p>
{{/STANDFIRST}}<div class="preview__body">{{BODY_HTML:none}}</div>
</div>
{{#RESTORE}}<form method="post" action="/newsroom/articles/{{ID}}/revisions/{{REVISION}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<input type="hidden" name="revision" value="{{CURRENT_REVISION}}">
<p><button class="button" type="submit">{{T_RESTORE}}</button></p>
</form>
{{/RESTORE}}{{/ONE}}</main>
</body>
</html>

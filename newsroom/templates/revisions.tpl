{{%AUTOESCAPE context="HTML"}}{{>HEAD}}<main id="main" class="panel panel--wide">
<p><a href="/newsroom/articles/{{ID}}">{{T_BACK_TO_STORY}}</a></p>
<h1>{{HEADING}}</h1>
{{#COMPARE}}<form class="filters" method="get" action="/newsroom/articles/{{ID}}/compare">
<p class="field"><label for="from">{{T_COMPARE_FROM}}</label>
<select id="from" name="from">{{#FROM_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/FROM_OPTION}}</select></p>
<p class="field"><label for="to">{{T_COMPARE_TO}}</label>
<select id="to" name="to">{{#TO_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TO_OPTION}}</select></p>
<p><button class="button button--quiet" type="submit">{{T_COMPARE}}</button></p>
</form>
{{/COMPARE}}{{#LIST}}<ol class="revisions" reversed>
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

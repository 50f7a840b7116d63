{{%AUTOESCAPE context="HTML"}}{{>HEAD}}<main id="main" class="panel panel--wide">
<p><a href="/newsroom/articles/{{ID}}/revisions">{{T_BACK_TO_REVISIONS}}</a></p>
<h1>{{HEADING}}</h1>
<p class="hint">{{FROM_LINE}}<br>{{TO_LINE}}</p>
{{#NO_CHANGE}}<p class="notice notice--done" role="status">{{T_NO_CHANGE}}</p>
{{/NO_CHANGE}}{{#FIELDS}}<table class="stories compare">
<thead><tr><th scope="col">{{T_COL_FIELD}}</th><th scope="col">{{T_COL_BEFORE}}</th><th scope="col">{{T_COL_AFTER}}</th></tr></thead>
<tbody>
{{#FIELD}}<tr><th scope="row">{{LABEL}}</th><td lang="{{CONTENT_LANG}}" dir="{{CONTENT_DIR}}"><del>{{BEFORE}}</del></td><td lang="{{CONTENT_LANG}}" dir="{{CONTENT_DIR}}"><ins>{{AFTER}}</ins></td></tr>
{{/FIELD}}</tbody>
</table>
{{/FIELDS}}{{#BODY}}<h2>{{T_FIELD_BODY}}</h2>
<ol class="diff" lang="{{CONTENT_LANG}}" dir="{{CONTENT_DIR}}">
{{#LINE}}<li class="diff__line diff__line--{{KIND}}">{{#ADDED}}<ins><span class="visually-hidden" lang="{{LANG}}">{{T_LINE_ADDED}}</span><span class="diff__mark" aria-hidden="true">+</span>{{TEXT}}</ins>{{/ADDED}}{{#REMOVED}}<del><span class="visually-hidden" lang="{{LANG}}">{{T_LINE_REMOVED}}</span><span class="diff__mark" aria-hidden="true">−</span>{{TEXT}}</del>{{/REMOVED}}{{#SAME}}<span class="diff__mark" aria-hidden="true"> </span>{{TEXT}}{{/SAME}}</li>
{{/LINE}}</ol>
{{/BODY}}</main>
</body>
</html>

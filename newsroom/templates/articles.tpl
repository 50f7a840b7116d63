{{%AUTOESCAPE context="HTML"}}{{>HEAD}}<main id="main" class="panel panel--wide">
<p><a href="/newsroom/">{{T_BACK_TO_DESK}}</a></p>
<h1>{{T_ARTICLES_TITLE}}</h1>
{{#WRITES}}<p><a class="button" href="/newsroom/articles/new">{{T_NEW_ARTICLE}}</a></p>
{{/WRITES}}{{#PROBLEM}}<p class="notice notice--error" role="alert">{{PROBLEM_TEXT}}</p>
{{/PROBLEM}}<form class="filters" method="get" action="/newsroom/articles">
<p class="field"><label for="site">{{T_FILTER_SITE}}</label>
<select id="site" name="site"><option value="">{{T_ALL_SITES}}</option>{{#SITE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SITE_OPTION}}</select></p>
<p class="field"><label for="status">{{T_FILTER_STATUS}}</label>
<select id="status" name="status"><option value="">{{T_ANY_STATUS}}</option>{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}</select></p>
<p class="field"><label for="section">{{T_FILTER_SECTION}}</label>
<select id="section" name="section"><option value="">{{T_ANY_SECTION}}</option>{{#SECTION_GROUP}}<optgroup label="{{GROUP_LABEL}}">{{#SECTION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SECTION_OPTION}}</optgroup>{{/SECTION_GROUP}}</select></p>
{{#AUTHORS}}<p class="field"><label for="author">{{T_FILTER_AUTHOR}}</label>
<select id="author" name="author"><option value="">{{T_ANY_AUTHOR}}</option>{{#AUTHOR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AUTHOR_OPTION}}</select></p>
{{/AUTHORS}}<p class="field"><label for="q">{{T_FILTER_TEXT}}</label>
<input id="q" name="q" type="search" value="{{TEXT}}" dir="auto"></p>
<p class="field field--check"><input id="mine" name="mine" type="checkbox" value="1"{{#MINE}} checked{{/MINE}}> <label for="mine">{{T_MINE_ONLY}}</label></p>
<p><button class="button button--quiet" type="submit">{{T_FILTER}}</button></p>
</form>
{{#EMPTY}}<p class="hint">{{T_NO_ARTICLES}}</p>
{{/EMPTY}}{{#LIST}}<table class="stories">
<thead><tr><th scope="col">{{T_COL_HEADLINE}}</th><th scope="col">{{T_COL_SITE}}</th><th scope="col">{{T_COL_STATUS}}</th><th scope="col">{{T_COL_UPDATED}}</th></tr></thead>
<tbody>
{{#ROW}}<tr><td><a href="/newsroom/articles/{{ID}}" lang="{{SITE_LANG}}" dir="{{SITE_DIR}}">{{HEADLINE}}</a></td><td>{{SITE_NAME}}</td><td><span class="badge badge--{{STATUS}}">{{STATUS_LABEL}}</span></td><td><time datetime="{{ISO}}">{{DATE}}</time></td></tr>
{{/ROW}}</tbody>
</table>
{{/LIST}}</main>
</body>
</html>

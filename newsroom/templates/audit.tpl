{{%AUTOESCAPE context="HTML"}}{{>HEAD}}<main id="main" class="panel panel--wide">
<p><a href="/newsroom/">{{T_BACK_TO_DESK}}</a></p>
<h1>{{T_AUDIT_TITLE}}</h1>
<form class="filters" method="get" action="/newsroom/audit">
<p class="field"><label for="site">{{T_FILTER_SITE}}</label>
<select id="site" name="site"><option value="">{{T_EVERY_SITE}}</option>{{#SITE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SITE_OPTION}}</select></p>
<p><button class="button button--quiet" type="submit">{{T_FILTER}}</button></p>
</form>
{{#EMPTY}}<p class="hint">{{T_NO_AUDIT}}</p>
{{/EMPTY}}{{#LIST}}<table class="stories audit">
<thead><tr><th scope="col">{{T_COL_WHEN}}</th><th scope="col">{{T_COL_WHO}}</th><th scope="col">{{T_COL_WHAT}}</th><th scope="col">{{T_COL_SUBJECT}}</th></tr></thead>
<tbody>
{{#ENTRY}}<tr><td><time datetime="{{ISO}}">{{DATE}}</time></td><td><bdi>{{ACTOR}}</bdi></td><td>{{ACTION_LABEL}}</td><td>{{#ARTICLE}}<a href="/newsroom/articles/{{ARTICLE_ID}}"><bdi>{{SUBJECT}}</bdi></a>{{/ARTICLE}}{{#PLAIN}}<bdi>{{SUBJECT}}</bdi>{{/PLAIN}}{{#DETAIL}}<br><span class="hint"><bdi>{{DETAIL_TEXT}}</bdi></span>{{/DETAIL}}</td></tr>
{{/ENTRY}}</tbody>
</table>
{{#OLDER}}<p><a href="/newsroom/audit?before={{BEFORE}}{{SITE_QUERY}}">{{T_OLDER_ENTRIES}}</a></p>
{{/OLDER}}{{/LIST}}</main>
</body>
</html>

{{%AUTOESCAPE context="HTML"}}{{>HEAD}}<main id="main" class="panel panel--wide">
<p><a href="/newsroom/">{{T_BACK_TO_DESK}}</a></p>
<h1>{{T_WIRES_TITLE}}</h1>
{{#MANAGES}}<p><a class="button button--quiet" href="/newsroom/wires/sources">{{T_WIRE_SOURCES_TITLE}}</a></p>
{{/MANAGES}}<form class="filters" method="get" action="/newsroom/wires">
<p class="field"><label for="source">{{T_FILTER_SOURCE}}</label>
<select id="source" name="source"><option value="">{{T_ANY_SOURCE}}</option>{{#SOURCE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SOURCE_OPTION}}</select></p>
<p class="field"><label for="language">{{T_FILTER_LANGUAGE}}</label>
<select id="language" name="language"><option value="">{{T_ANY_LANGUAGE}}</option>{{#LANGUAGE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANGUAGE_OPTION}}</select></p>
<p class="field"><label for="urgency">{{T_FILTER_URGENCY}}</label>
<select id="urgency" name="urgency"><option value="">{{T_ANY_URGENCY}}</option>{{#URGENCY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/URGENCY_OPTION}}</select></p>
<p class="field"><label for="q">{{T_FILTER_HEADLINE}}</label>
<input id="q" name="q" type="search" value="{{TEXT}}" dir="auto"></p>
<p><button class="button button--quiet" type="submit">{{T_FILTER}}</button></p>
</form>
{{#EMPTY}}<p class="hint">{{T_NO_WIRES}}</p>
{{/EMPTY}}{{#LIST}}<table class="stories wires">
<thead><tr><th scope="col">{{T_COL_HEADLINE}}</th><th scope="col">{{T_COL_SOURCE}}</th><th scope="col">{{T_COL_RECEIVED}}</th></tr></thead>
<tbody>
{{#ITEM}}<tr><td>{{#FLASH}}<span class="badge badge--flash">{{T_WIRE_FLASH}}</span> {{/FLASH}}<a href="/newsroom/wires/{{ID}}" lang="{{ITEM_LANG}}" dir="{{ITEM_DIR}}">{{HEADLINE}}</a>
<br><span class="hint">{{FORMAT}}{{#URGENCY}} · {{URGENCY_TEXT}}{{/URGENCY}}</span>{{#EMBARGO}} <span class="badge badge--scheduled">{{T_WIRE_EMBARGOED_UNTIL}} <time datetime="{{EMBARGO_ISO}}">{{EMBARGO_DATE}}</time></span>{{/EMBARGO}}{{#WITHDRAWN}} <span class="badge badge--unpublished">{{STATUS_TEXT}}</span>{{/WITHDRAWN}}{{#USED}} <a class="badge badge--published" href="/newsroom/articles/{{ARTICLE_ID}}">{{T_WIRE_USED}}</a>{{/USED}}</td><td><bdi>{{SOURCE}}</bdi></td><td><time datetime="{{ISO}}">{{DATE}}</time></td></tr>
{{/ITEM}}</tbody>
</table>
{{#OLDER}}<p><a href="{{OLDER_URL}}">{{T_OLDER_WIRES}}</a></p>
{{/OLDER}}{{/LIST}}</main>
</body>
</html>

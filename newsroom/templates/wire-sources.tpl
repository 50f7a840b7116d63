{{%AUTOESCAPE context="HTML"}}{{>HEAD}}<main id="main" class="panel panel--wide">
<p><a href="/newsroom/wires">{{T_BACK_TO_WIRES}}</a></p>
<h1>{{T_WIRE_SOURCES_TITLE}}</h1>
{{#DONE}}<p class="notice notice--done" role="status">{{DONE_TEXT}}</p>
{{/DONE}}{{#NO_SOURCES}}<p class="hint">{{T_WIRE_NO_SOURCES}}</p>
{{/NO_SOURCES}}<ul class="sources">
{{#SOURCE}}<li class="source">
<h2 class="source__name"><bdi>{{NAME}}</bdi></h2>
<p>{{KIND}} <bdi dir="ltr" class="source__location">{{LOCATION}}</bdi> → <bdi dir="ltr">{{WHERE}}</bdi>, {{MODE}}</p>
{{#SCHEDULE}}<p class="hint">{{EVERY}}{{#NEXT}} · {{T_WIRE_SOURCE_NEXT}} <time datetime="{{NEXT_ISO}}">{{NEXT_DATE}}</time>{{/NEXT}}</p>
{{#FAILING}}<p class="notice notice--error">{{FAILURES}} <bdi>{{LAST_ERROR}}</bdi></p>
{{/FAILING}}{{/SCHEDULE}}<form class="form form--inline" method="post" action="/newsroom/wires/sources/{{NAME}}/remove">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<button class="button button--quiet" type="submit" aria-describedby="remove-hint">{{T_WIRE_SOURCE_REMOVE}} <bdi>{{NAME}}</bdi></button>
</form>
</li>
{{/SOURCE}}</ul>
<p class="hint" id="remove-hint">{{T_WIRE_SOURCE_REMOVE_HINT}}</p>
<h2>{{T_WIRE_SOURCE_ADD_TITLE}}</h2>
{{#PROBLEM}}<p class="notice notice--error" role="alert" id="problem">{{PROBLEM_TEXT}}</p>
{{/PROBLEM}}<form class="form" method="post" action="/newsroom/wires/sources" novalidate>
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<p class="field"><label for="source-name">{{T_WIRE_SOURCE_NAME}}</label>
<input id="source-name" name="name" type="text" maxlength="64" value="{{SENT_NAME}}" required dir="ltr" aria-describedby="source-name-hint"{{#INVALID_NAME}} aria-invalid="true"{{/INVALID_NAME}}>
<span class="hint" id="source-name-hint">{{T_WIRE_SOURCE_NAME_HINT}}</span></p>
<p class="field"><label for="source-url">{{T_WIRE_SOURCE_URL_LABEL}}</label>
<input id="source-url" name="url" type="url" value="{{SENT_URL}}" dir="ltr" aria-describedby="source-url-hint"{{#INVALID_URL}} aria-invalid="true"{{/INVALID_URL}}>
<span class="hint" id="source-url-hint">{{T_WIRE_SOURCE_URL_HINT}}</span></p>
<p class="field"><label for="source-every">{{T_WIRE_SOURCE_EVERY_LABEL}}</label>
<input id="source-every" name="every" type="number" inputmode="numeric" min="10" max="86400" value="{{SENT_EVERY}}" dir="ltr"{{#INVALID_EVERY}} aria-invalid="true"{{/INVALID_EVERY}}></p>
<p class="field"><label for="source-folder">{{T_WIRE_SOURCE_FOLDER_LABEL}}</label>
<input id="source-folder" name="folder" type="text" value="{{SENT_FOLDER}}" dir="ltr" aria-describedby="source-folder-hint"{{#INVALID_FOLDER}} aria-invalid="true"{{/INVALID_FOLDER}}>
<span class="hint" id="source-folder-hint">{{T_WIRE_SOURCE_FOLDER_HINT}}</span></p>
<p class="field"><label for="source-where">{{T_WIRE_SOURCE_WHERE}}</label>
<select id="source-where" name="where"{{#INVALID_SITE}} aria-invalid="true"{{/INVALID_SITE}}{{#INVALID_SECTION}} aria-invalid="true"{{/INVALID_SECTION}}>{{#WHERE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/WHERE_OPTION}}</select></p>
<p class="field field--check"><input id="source-publish" name="auto_publish" type="checkbox" value="1"{{#AUTO_PUBLISH}} checked{{/AUTO_PUBLISH}}> <label for="source-publish">{{T_WIRE_SOURCE_AUTO_PUBLISH}}</label></p>
<p><button class="button" type="submit">{{T_WIRE_SOURCE_ADD}}</button></p>
</form>
</main>
</body>
</html>

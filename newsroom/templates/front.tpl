{{%AUTOESCAPE context="HTML"}}{{>HEAD}}<main id="main" class="panel">
<p><a href="/newsroom/">{{T_BACK_TO_DESK}}</a></p>
<h1>{{T_FRONT_TITLE}}: <bdi>{{SITE_NAME}}</bdi></h1>
{{#TABS}}<nav class="tabs" aria-label="{{T_FRONT_SITES}}"><ul>
{{#SITE_TAB}}<li><a href="/newsroom/front?site={{TAB_SLUG}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}><bdi>{{TAB_NAME}}</bdi></a></li>
{{/SITE_TAB}}</ul></nav>
{{/TABS}}
<p class="hint">{{T_FRONT_HINT}} <a href="{{HOME_URL}}">{{T_FRONT_SEE_HOME}}</a></p>
{{#DONE}}<p class="notice notice--done" role="status">{{DONE_TEXT}}</p>
{{/DONE}}{{#ERROR}}<p class="notice notice--error" role="alert">{{ERROR_TEXT}}</p>
{{/ERROR}}<section aria-labelledby="breaking-heading">
<h2 id="breaking-heading">{{T_FRONT_BREAKING_HEADING}}</h2>
<p class="hint">{{T_FRONT_BREAKING_HINT}}</p>
{{#BANNER_UP}}<div class="banner-now"><p><strong><a href="{{BANNER_URL}}">{{BANNER_TEXT}}</a></strong></p>
<p>{{BANNER_UNTIL}}</p>
<form method="post" action="/newsroom/front/{{SITE_SLUG}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<button class="button button--quiet" type="submit" name="action" value="calm">{{T_FRONT_BREAKING_DOWN}}</button>
</form></div>
{{/BANNER_UP}}<form class="form" method="post" action="/newsroom/front/{{SITE_SLUG}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<p class="field"><label for="breaking-story">{{T_FRONT_BREAKING_STORY}}</label>
<select id="breaking-story" name="story">
{{#BANNER_STORY}}<option value="{{VALUE}}">{{LABEL}}</option>
{{/BANNER_STORY}}</select></p>
<p class="field"><label for="breaking-text">{{T_FRONT_BREAKING_TEXT}}</label>
<input id="breaking-text" name="text" type="text" maxlength="140"></p>
<p class="field"><label for="breaking-hours">{{T_FRONT_BREAKING_HOURS}}</label>
<select id="breaking-hours" name="hours">
{{#BANNER_HOURS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/BANNER_HOURS}}</select></p>
<p><button class="button" type="submit" name="action" value="breaking">{{T_FRONT_BREAKING_PUT}}</button></p>
</form>
</section>
<section aria-labelledby="chosen-heading">
<h2 id="chosen-heading">{{T_FRONT_CHOSEN}}</h2>
{{#NONE_CHOSEN}}<p class="hint">{{T_FRONT_NONE}}</p>
{{/NONE_CHOSEN}}<ol class="front-list">
{{#CHOSEN}}<li class="front-list__item"><p><a href="{{URL}}">{{HEADLINE}}</a>{{#LEAD}} <span class="badge">{{T_FRONT_LEAD}}</span>{{/LEAD}}{{#NOT_SHOWN}} <span class="badge badge--quiet">{{T_FRONT_NOT_SHOWN}}</span>{{/NOT_SHOWN}}</p>
<form class="front-list__actions" method="post" action="/newsroom/front/{{SITE_SLUG}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}"><input type="hidden" name="story" value="{{SLUG}}">
{{#UP}}<button class="button button--quiet" type="submit" name="action" value="up" aria-label="{{T_FRONT_UP}}: {{HEADLINE}}">{{T_FRONT_UP}}</button> {{/UP}}{{#DOWN}}<button class="button button--quiet" type="submit" name="action" value="down" aria-label="{{T_FRONT_DOWN}}: {{HEADLINE}}">{{T_FRONT_DOWN}}</button> {{/DOWN}}<button class="button button--quiet" type="submit" name="action" value="remove" aria-label="{{T_FRONT_REMOVE}}: {{HEADLINE}}">{{T_FRONT_REMOVE}}</button>
</form></li>
{{/CHOSEN}}</ol>
</section>
<section aria-labelledby="offered-heading">
<h2 id="offered-heading">{{T_FRONT_OFFERED}}</h2>
{{#FULL}}<p class="hint">{{T_FRONT_FULL}}</p>
{{/FULL}}<ul class="front-list">
{{#OFFERED}}<li class="front-list__item"><p><a href="{{URL}}">{{HEADLINE}}</a></p>
{{#ADD}}<form class="front-list__actions" method="post" action="/newsroom/front/{{SITE_SLUG}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}"><input type="hidden" name="story" value="{{SLUG}}">
<button class="button button--quiet" type="submit" name="action" value="add" aria-label="{{T_FRONT_ADD}}: {{HEADLINE}}">{{T_FRONT_ADD}}</button>
</form>
{{/ADD}}</li>
{{/OFFERED}}</ul>
</section>
</main>
</body>
</html>

{{%AUTOESCAPE context="HTML"}}{{>HEAD}}<main id="main" class="panel panel--wide">
<p><a href="/newsroom/wires">{{T_BACK_TO_WIRES}}</a></p>
{{#WITHDRAWN}}<p class="notice notice--error" role="alert">{{STATUS_TEXT}}</p>
{{/WITHDRAWN}}{{#EMBARGO}}<p class="notice" role="status">{{T_WIRE_EMBARGOED_UNTIL}} <time datetime="{{EMBARGO_ISO}}">{{EMBARGO_DATE}}</time>. {{T_WIRE_EMBARGO_HINT}}</p>
{{/EMBARGO}}{{#STORY}}<p class="notice notice--done" role="status">{{T_WIRE_STORY_MADE}} <a href="/newsroom/articles/{{ARTICLE_ID}}">{{T_WIRE_OPEN_STORY}}</a>{{#NEWER}}<br>{{T_WIRE_NEWER_THAN_STORY}}{{/NEWER}}</p>
{{/STORY}}{{#USE}}<form class="form form--inline wire-use" method="post" action="/newsroom/wires/{{ID}}/use">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<input type="hidden" name="section" value="{{SECTION}}">
<p class="field"><label for="use-site">{{T_WIRE_USE_ON}}</label>
<select id="use-site" name="site">{{#SITE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SITE_OPTION}}</select></p>
<p><button class="button" type="submit" aria-describedby="use-hint">{{T_WIRE_USE}}</button> <span class="hint" id="use-hint">{{T_WIRE_USE_HINT}}</span></p>
</form>
{{/USE}}<article class="preview wire-item" lang="{{ITEM_LANG}}" dir="{{ITEM_DIR}}">
<h1>{{HEADLINE}}</h1>
{{#STANDFIRST}}<p class="preview__standfirst">{{STANDFIRST_TEXT}}</p>
{{/STANDFIRST}}<div class="preview__body">{{BODY_HTML:none}}</div>
</article>
<h2>{{T_WIRE_DETAILS}}</h2>
<dl class="facts">
{{#FACT}}<dt>{{LABEL}}</dt><dd><bdi>{{VALUE}}</bdi></dd>
{{/FACT}}</dl>
{{#PICTURE}}<h2>{{T_WIRE_PICTURE}}</h2>
<p><bdi>{{CAPTION}}</bdi>{{#CREDIT}} <span class="hint"><bdi>{{CREDIT}}</bdi></span>{{/CREDIT}}</p>
{{/PICTURE}}{{#WARNING}}<p class="hint">{{WARNING_TEXT}}</p>
{{/WARNING}}<h2>{{T_WIRE_VERSIONS}}</h2>
<ol class="versions">
{{#VERSION_ROW}}<li>{{#THIS_ONE}}<strong>{{/THIS_ONE}}<a href="/newsroom/wires/{{VERSION_ID}}">{{T_WIRE_VERSION}} <bdi>{{VERSION_NAME}}</bdi></a>{{#THIS_ONE}}</strong> ({{T_WIRE_THIS_VERSION}}){{/THIS_ONE}}, <time datetime="{{VERSION_ISO}}">{{VERSION_DATE}}</time>{{#MADE_STORY}} <span class="badge badge--published">{{T_WIRE_MADE_STORY}}</span>{{/MADE_STORY}}{{#SINCE_STORY}} <span class="badge badge--held">{{T_WIRE_SINCE_STORY}}</span>{{/SINCE_STORY}}</li>
{{/VERSION_ROW}}</ol>
</main>
</body>
</html>

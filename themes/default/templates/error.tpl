{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
{{>HEADER}}
<main id="content" class="error-page">
<h1>{{ERROR_TITLE}}</h1>
<p>{{ERROR_TEXT}}</p>
<p><a href="{{HOME_PATH}}">{{T_BACK_HOME}}</a></p>
</main>
{{>FOOTER}}

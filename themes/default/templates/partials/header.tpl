{{%AUTOESCAPE context="HTML"}}<body>
<a class="skip-link" href="#content">{{T_SKIP_TO_CONTENT}}</a>
<header class="masthead">
<div class="masthead__bar">
<a class="masthead__brand" href="{{HOME_PATH}}" rel="home">{{SITE_NAME}}</a>
{{#SISTER_SITES}}<ul class="masthead__sisters" aria-label="{{T_SISTER_SITES}}">
{{#SISTER}}<li><a href="{{SISTER_URL}}" lang="{{SISTER_LANG}}" hreflang="{{SISTER_LANG}}" dir="{{SISTER_DIR}}">{{SISTER_NAME}}</a></li>
{{/SISTER}}</ul>
{{/SISTER_SITES}}</div>
{{#TAGLINE}}<p class="masthead__tagline">{{SITE_TAGLINE}}</p>
{{/TAGLINE}}<nav class="sections-nav" aria-label="{{T_SECTIONS}}">
<ul>
<li><a href="{{HOME_PATH}}"{{#HOME_CURRENT}} aria-current="page"{{/HOME_CURRENT}}>{{T_HOME}}</a></li>
{{#NAV}}<li><a href="{{NAV_URL}}"{{#NAV_CURRENT}} aria-current="page"{{/NAV_CURRENT}}>{{NAV_NAME}}</a></li>
{{/NAV}}</ul>
</nav>
</header>

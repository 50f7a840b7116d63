{{%AUTOESCAPE context="HTML"}}<body>
<a class="skip-link" href="#content">{{T_SKIP_TO_CONTENT}}</a>
<header class="masthead">
<div class="masthead__bar">
<a class="masthead__brand" href="{{HOME_PATH}}" rel="home">{{SITE_NAME}}</a>
{{#SISTER_SITES}}<ul class="masthead__sisters" aria-label="{{T_SISTER_SITES}}">
{{#SISTER}}<li><a href="{{SISTER_URL}}" lang="{{SISTER_LANG}}" hreflang="{{SISTER_LANG}}" dir="{{SISTER_DIR}}">{{SISTER_NAME}}</a></li>
{{/SISTER}}</ul>
{{/SISTER_SITES}}<form class="site-search" role="search" action="{{SEARCH_PATH}}" method="get">
<label class="visually-hidden" for="masthead-q">{{T_SEARCH_LABEL}}</label>
<input class="site-search__input" id="masthead-q" type="search" name="q" value="{{SEARCH_QUERY}}" maxlength="256" enterkeyhint="search" autocomplete="off">
<button class="site-search__button" type="submit">{{T_SEARCH_BUTTON}}</button>
</form>
</div>
{{#TAGLINE}}<p class="masthead__tagline">{{SITE_TAGLINE}}</p>
{{/TAGLINE}}<nav class="sections-nav" aria-label="{{T_SECTIONS}}">
<ul>
<li><a href="{{HOME_PATH}}"{{#HOME_CURRENT}} aria-current="page"{{/HOME_CURRENT}}>{{T_HOME}}</a></li>
{{#NAV}}<li><a href="{{NAV_URL}}"{{#NAV_CURRENT}} aria-current="page"{{/NAV_CURRENT}}>{{NAV_NAME}}</a></li>
{{/NAV}}</ul>
</nav>
</header>
{{#BREAKING}}<div class="breaking" role="region" aria-labelledby="breaking-label">
<p><strong class="breaking__label" id="breaking-label">{{T_BREAKING}}</strong> <a class="breaking__link" href="{{BREAKING_URL}}">{{BREAKING_TEXT}}</a></p>
</div>
{{/BREAKING}}

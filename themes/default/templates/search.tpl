{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
{{>HEADER}}
<main id="content" class="search">
<header class="listing__header">
<h1 class="listing__title">{{SEARCH_HEADING}}</h1>
</header>
<form class="search__form" role="search" action="{{SEARCH_PATH}}" method="get">
<label for="search-q">{{T_SEARCH_LABEL}}</label>
<div class="search__row">
<input class="search__input" id="search-q" type="search" name="q" value="{{SEARCH_QUERY}}" maxlength="256" enterkeyhint="search" autocomplete="off" aria-describedby="search-hint">
<button class="search__button" type="submit">{{T_SEARCH_BUTTON}}</button>
</div>
<p class="search__hint" id="search-hint">{{T_SEARCH_HINT}}</p>
</form>
{{#NONE}}<p class="empty" role="status">{{SEARCH_NONE}}</p>
{{/NONE}}{{#RESULTS}}<ol class="search__results" start="{{FIRST_NUMBER}}">
{{#RESULT}}<li class="search-result">
{{#SECTION}}<p class="card__kicker"><a href="{{SECTION_URL}}">{{SECTION_NAME}}</a></p>
{{/SECTION}}<h2 class="search-result__headline"><a href="{{URL}}">{{#HEADLINE_PART}}{{#MARKED}}<mark>{{PART}}</mark>{{/MARKED}}{{#PLAIN}}{{PART}}{{/PLAIN}}{{/HEADLINE_PART}}</a></h2>
<p class="search-result__excerpt">{{#EXCERPT_PART}}{{#MARKED}}<mark>{{PART}}</mark>{{/MARKED}}{{#PLAIN}}{{PART}}{{/PLAIN}}{{/EXCERPT_PART}}</p>
<p class="card__meta"><time datetime="{{DATE_ISO}}">{{DATE_SHORT}}</time></p>
</li>
{{/RESULT}}</ol>
{{/RESULTS}}{{#SEARCH_PAGES}}<nav class="pagination" aria-label="{{T_PAGINATION}}">
{{#PREV}}<a class="pagination__prev" href="{{PREV_URL}}" rel="prev">{{T_SEARCH_PREVIOUS}}</a>
{{/PREV}}<span class="pagination__status">{{PAGE_STATUS}}</span>
{{#NEXT}}<a class="pagination__next" href="{{NEXT_URL}}" rel="next">{{T_SEARCH_MORE}}</a>
{{/NEXT}}</nav>
{{/SEARCH_PAGES}}</main>
{{>FOOTER}}

{{%AUTOESCAPE context="HTML"}}<nav class="pagination" aria-label="{{T_PAGINATION}}">
{{#PREV}}<a class="pagination__prev" href="{{PREV_URL}}" rel="prev">{{T_NEWER}}</a>
{{/PREV}}{{#STATUS}}<span class="pagination__status">{{PAGE_STATUS}}</span>
{{/STATUS}}
{{#NEXT}}<a class="pagination__next" href="{{NEXT_URL}}" rel="next">{{T_OLDER}}</a>
{{/NEXT}}</nav>

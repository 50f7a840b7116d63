{{%AUTOESCAPE context="HTML"}}<div class="field{{#INVALID}} field--invalid{{/INVALID}}">
<label class="field__label" for="comment-{{FIELD}}">{{LABEL}}<span class="field__required" aria-hidden="true"> *</span></label>
<p class="field__hint" id="comment-{{FIELD}}-hint">{{HINT}}</p>
{{#INVALID}}<p class="field__error" id="comment-{{FIELD}}-error">{{ERROR_TEXT}}</p>
{{/INVALID}}{{#INPUT}}<input class="field__input" id="comment-{{FIELD}}" name="{{FIELD}}" type="{{TYPE}}" autocomplete="{{AUTOCOMPLETE}}" dir="{{DIRECTION}}" value="{{VALUE}}" required aria-describedby="{{DESCRIBED_BY}}"{{#INVALID}} aria-invalid="true"{{/INVALID}}>
{{/INPUT}}{{#TEXTAREA}}<textarea class="field__input field__input--long" id="comment-{{FIELD}}" name="{{FIELD}}" rows="8" dir="auto" required aria-describedby="{{DESCRIBED_BY}}"{{#INVALID}} aria-invalid="true"{{/INVALID}} data-limit="{{LIMIT}}" data-digits="{{DIGITS}}" data-messages="{{COUNTER_MESSAGES}}">
{{VALUE:pre_escape}}</textarea>
<p class="field__counter" id="comment-{{FIELD}}-counter" aria-hidden="true" hidden></p>
<p class="visually-hidden" id="comment-{{FIELD}}-live" aria-live="polite"></p>
{{/TEXTAREA}}</div>

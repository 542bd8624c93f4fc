package com.example.shop.lab.gameday.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back what a chart drew, so that a test can assert on an element's attributes or
 * the labels of an axis rather than on the whole SVG text.
 *
 * @param svg the SVG, or any HTML that contains it
 */
record DrawnChart(String svg) {

	/**
	 * An attribute of the first element that starts as given.
	 * @param element the start of the element, e.g. {@code path class="outbox"}
	 * @param name the attribute, e.g. {@code d}
	 * @return its value
	 */
	String attribute(String element, String name) {
		int start = this.svg.indexOf("<" + element);
		if (start < 0) {
			throw new AssertionError("No <" + element + " in " + this.svg);
		}
		String tag = this.svg.substring(start, this.svg.indexOf('>', start));
		Matcher value = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(tag);
		if (!value.find()) {
			throw new AssertionError("No " + name + " in " + tag);
		}
		return value.group(1);
	}

	double number(String element, String name) {
		return Double.parseDouble(attribute(element, name));
	}

	/**
	 * The texts of a class, in the order drawn, such as the labels of an axis.
	 * @param textClass the class of the {@code text} elements
	 * @return their content
	 */
	List<String> texts(String textClass) {
		List<String> texts = new ArrayList<>();
		Matcher text = Pattern.compile("<text class=\"" + textClass + "\"[^>]*>([^<]*)</text>").matcher(this.svg);
		while (text.find()) {
			texts.add(text.group(1));
		}
		return texts;
	}

	int count(String part) {
		int count = 0;
		for (int at = this.svg.indexOf(part); at >= 0; at = this.svg.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

}

package com.example.shop.deploy.aws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;

/**
 * CBOR for CloudWatch's Smithy RPC v2 protocol, written and read with the Jackson CBOR
 * codec the SDK itself ships (shaded), as plain maps, lists, strings and numbers.
 */
final class Cbor {

	private static final CBORFactory FACTORY = new CBORFactory();

	private Cbor() {
	}

	static byte[] encode(Map<String, ?> value) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (JsonGenerator generator = FACTORY.createGenerator(out)) {
			write(generator, value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> decode(byte[] bytes) {
		try (JsonParser parser = FACTORY.createParser(bytes)) {
			parser.nextToken();
			return (Map<String, Object>) read(parser);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(JsonGenerator generator, Object value) throws IOException {
		switch (value) {
			case Map<?, ?> map -> {
				generator.writeStartObject();
				for (Map.Entry<?, ?> entry : map.entrySet()) {
					generator.writeFieldName((String) entry.getKey());
					write(generator, entry.getValue());
				}
				generator.writeEndObject();
			}
			case List<?> list -> {
				generator.writeStartArray();
				for (Object element : list) {
					write(generator, element);
				}
				generator.writeEndArray();
			}
			case Integer number -> generator.writeNumber(number);
			case Boolean bool -> generator.writeBoolean(bool);
			default -> generator.writeString(value.toString());
		}
	}

	private static Object read(JsonParser parser) throws IOException {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.START_OBJECT) {
			Map<String, Object> map = new LinkedHashMap<>();
			while (parser.nextToken() == JsonToken.FIELD_NAME) {
				String name = parser.currentName();
				parser.nextToken();
				map.put(name, read(parser));
			}
			return map;
		}
		if (token == JsonToken.START_ARRAY) {
			List<Object> list = new ArrayList<>();
			while (parser.nextToken() != JsonToken.END_ARRAY) {
				list.add(read(parser));
			}
			return list;
		}
		return switch (token) {
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
			case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
			case VALUE_EMBEDDED_OBJECT -> parser.getEmbeddedObject();
			default -> parser.getText();
		};
	}

}

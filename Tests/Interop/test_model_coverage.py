"""Every operation in botocore's Kinesis model has a handler: walking the model, each operation called with an
empty request must be understood (a ValidationException for missing members, an answer, or a semantic error),
never refused as unknown or unsupported, in JSON and in CBOR alike.
"""

from __future__ import annotations

import json

import botocore.session
import cbor2
import pytest

from h2_client import CBOR, JSON, H2Client, cbor_loads

pytestmark = pytest.mark.rivulet_only

REFUSALS = ("UnknownOperationException", "not supported")


def model_operations() -> list[str]:
    model = botocore.session.get_session().get_service_model("kinesis")
    return sorted(model.operation_names)


def test_the_model_has_the_operations_this_suite_expects():
    operations = model_operations()
    assert len(operations) >= 39
    assert {"SubscribeToShard", "RegisterStreamConsumer", "StartStreamEncryption", "UpdateMaxRecordSize",
            "DescribeAccountSettings", "PutResourcePolicy", "UpdateStreamWarmThroughput"} <= set(operations)


@pytest.mark.parametrize("content_type", [JSON, CBOR])
def test_every_model_operation_has_a_handler(server, content_type):
    client = H2Client(server.endpoint)
    body = b"{}" if content_type == JSON else cbor2.dumps({})
    unhandled = {}
    try:
        for operation in model_operations():
            response = client.call(operation, body, content_type)
            if content_type == JSON:
                answer = json.loads(response.body) if response.body else {}
            else:
                answer = cbor_loads(bytes(response.body)) if response.body else {}
            text = json.dumps(answer, default=str)
            if response.status == 404 or any(refusal in text for refusal in REFUSALS):
                unhandled[operation] = (response.status, text)
            # Missing required members are named the AWS way; an operation without any answers or refuses on its
            # own terms, but never with a server fault.
            assert response.status in (200, 400), (operation, response.status, text)
    finally:
        client.close()
    assert unhandled == {}
